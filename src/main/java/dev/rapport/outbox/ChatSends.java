package dev.rapport.outbox;

import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.Reply;
import dev.rapport.channel.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of a sender thread: one chat's rows of a batch, sent one after the other, each channel
 * result turned into the {@link Outcome} the loop will write. Thread-safe: holds only immutable
 * settings and thread-safe collaborators; several threads run it for different chats at once.
 */
final class ChatSends {

    private static final Logger log = LoggerFactory.getLogger(ChatSends.class);

    private final Map<String, ChannelSender> senders;
    private final RateLimits limits;
    private final int maxAttempts;
    private final Backoff backoff;
    private final OutboxMetrics metrics;

    ChatSends(
            Map<String, ChannelSender> senders,
            RateLimits limits,
            int maxAttempts,
            Backoff backoff,
            OutboxMetrics metrics) {
        this.senders = Map.copyOf(senders);
        this.limits = limits;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.metrics = metrics;
    }

    /**
     * Sends one chat's rows in order. A text (or an edit) waits for its chat's rate: when the chat has no token,
     * the row goes back with the time it may go, and no thread waits for it. Button answers are not
     * held by the chat's rate. Every call waits its turn in the global rate, a short wait because the
     * loop claims no more rows than the global rate has tokens for.
     */
    void sendAll(Batch batch, List<Batch.Send> sends) {
        for (Batch.Send send : sends) {
            ClaimedRow row = send.row();
            if (System.nanoTime() - batch.sendBy() > 0) {
                // Too little lease left (not renewed: the database is unreachable from here, say): another
                // process may claim the row while this call runs.
                batch.outcomes.add(Outcome.release(row, Duration.ZERO));
                continue;
            }
            long paused = limits.channelWait(row.channel(), System.nanoTime());
            if (paused > 0) { // the bot was told to wait: no chat of it sends until then
                batch.outcomes.add(Outcome.release(row, Duration.ofNanos(paused)));
                continue;
            }
            boolean limited = senders.get(row.channel()).rateLimited();
            if (limited && !(send.reply() instanceof Reply.ButtonAnswer)) { // texts and edits
                long wait = limits.takeChat(row.chat(), System.nanoTime());
                if (wait > 0) {
                    batch.outcomes.add(Outcome.release(row, Duration.ofNanos(wait)));
                    continue;
                }
            }
            if (limited && !awaitGlobalTurn()) {
                batch.outcomes.add(Outcome.release(row, Duration.ZERO));
                continue;
            }
            long started = System.nanoTime();
            SendResult result;
            try {
                result = senders.get(row.channel()).send(row.chatKey(), send.reply(), row.dedupKey());
            } catch (RuntimeException e) {
                log.warn("Channel sender '{}' threw instead of returning a result", row.channel(), e);
                result = new SendResult.TransientFailure(e.toString());
            }
            Outcome outcome = outcome(row, result, Duration.ofNanos(System.nanoTime() - started));
            batch.outcomes.add(outcome);
            if (outcome.kind() == Outcome.Kind.UNREACHABLE) {
                return; // the chat's other rows are skipped with this outcome
            }
        }
    }

    /** Waits for the global rate; false when interrupted (the sender is being stopped hard). */
    private boolean awaitGlobalTurn() {
        long wait = limits.reserveGlobal(System.nanoTime());
        if (wait <= 0) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Outcome outcome(ClaimedRow row, SendResult result, Duration took) {
        if (result instanceof SendResult.Delivered delivered) {
            Instant at = Instant.now();
            metrics.send(OutboxMetrics.Result.DELIVERED, took);
            metrics.delivered(Duration.between(row.createdAt(), at));
            return Outcome.sent(row, delivered.externalId(), at);
        }
        if (result instanceof SendResult.RetryAfter retryAfter) {
            metrics.send(OutboxMetrics.Result.RETRY_AFTER, took);
            limits.pauseChannel(
                    row.channel(), System.nanoTime() + retryAfter.delay().toNanos());
            return Outcome.retry(row, retryAfter.delay(), retryAfter.reason());
        }
        if (result instanceof SendResult.TransientFailure failure) {
            int attempts = row.attempts() + 1;
            if (attempts >= maxAttempts) {
                metrics.send(OutboxMetrics.Result.DEAD, took);
                log.warn(
                        "Outbox row {} ({}) dead after {} attempts: {}",
                        row.id(),
                        row.dedupKey(),
                        attempts,
                        failure.reason());
                return Outcome.dead(row, "gave up after " + attempts + " attempts: " + failure.reason());
            }
            metrics.send(OutboxMetrics.Result.TRANSIENT, took);
            return Outcome.retry(row, backoff.after(attempts), failure.reason());
        }
        if (result instanceof SendResult.Unreachable unreachable) {
            metrics.send(OutboxMetrics.Result.UNREACHABLE, took);
            log.info("Customer unreachable on {} chat {}: {}", row.channel(), row.chatKey(), unreachable.reason());
            return Outcome.unreachable(row, unreachable.reason());
        }
        if (result instanceof SendResult.Rejected rejected) {
            metrics.send(OutboxMetrics.Result.REJECTED, took);
            log.warn(
                    "Outbox row {} ({}) rejected by {}: {}",
                    row.id(),
                    row.dedupKey(),
                    row.channel(),
                    rejected.reason());
            return Outcome.dead(row, "rejected: " + rejected.reason());
        }
        throw new IllegalStateException("Unknown send result " + result);
    }
}
