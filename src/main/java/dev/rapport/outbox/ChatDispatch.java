package dev.rapport.outbox;

import dev.rapport.channel.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a claimed batch into one sender task per chat. Rows of chats already marked unreachable are
 * skipped (with the rest of their chat's pending rows), never sent; a row whose reply cannot be read
 * is dead-lettered; a chat that still has a send in flight here (only when a lease ran out mid-send)
 * is put back. When the last task of the batch ends, {@link Signals#finished} tells the loop. Called
 * by the loop thread only.
 */
final class ChatDispatch {

    private static final Logger log = LoggerFactory.getLogger(ChatDispatch.class);

    private final OutboxStore store;
    private final OutboxMetrics metrics;
    private final RateLimits limits;
    private final ChatSends chatSends;
    private final ExecutorService pool;
    private final Signals signals;
    private final Duration lease;
    private final Duration longestCall;
    private final Duration putBack;

    ChatDispatch(
            OutboxStore store,
            OutboxMetrics metrics,
            RateLimits limits,
            ChatSends chatSends,
            ExecutorService pool,
            Signals signals,
            Duration lease,
            Duration longestCall,
            Duration putBack) {
        this.store = store;
        this.metrics = metrics;
        this.limits = limits;
        this.chatSends = chatSends;
        this.pool = pool;
        this.signals = signals;
        this.lease = lease;
        this.longestCall = longestCall;
        this.putBack = putBack;
    }

    /** Starts the sends of {@code claimed} (leased at {@code claimedAt}) and adds the batch to {@code inFlight}. */
    void dispatch(List<ClaimedRow> claimed, long claimedAt, InFlight inFlight) {
        Map<String, List<ClaimedRow>> byChat = new LinkedHashMap<>();
        Map<String, ClaimedRow> unreachableChats = new LinkedHashMap<>();
        for (ClaimedRow row : claimed) {
            if (row.unreachable()) {
                unreachableChats.putIfAbsent(row.chat(), row);
            } else {
                byChat.computeIfAbsent(row.chat(), chat -> new ArrayList<>()).add(row);
            }
        }
        for (ClaimedRow row : unreachableChats.values()) {
            try {
                metrics.skipped(store.skipUnreachable(row.channel(), row.chatKey()));
            } catch (RuntimeException e) { // the rows stay leased and are looked at again when it expires
                log.warn(
                        "Could not skip the replies to unreachable {} chat {}: {}",
                        row.channel(),
                        row.chatKey(),
                        e.toString());
            }
        }
        var batch =
                new Batch(claimed.stream().filter(row -> !row.unreachable()).toList(), claimedAt, lease, longestCall);
        var tasks = new ArrayList<List<Batch.Send>>();
        for (var chat : byChat.entrySet()) {
            if (inFlight.sendsTo(chat.getKey())) {
                chat.getValue().forEach(row -> batch.outcomes.add(Outcome.release(row, putBack)));
                continue;
            }
            var sends = new ArrayList<Batch.Send>();
            for (ClaimedRow row : chat.getValue()) {
                Reply reply;
                try {
                    reply = ReplyJson.decode(row.replyJson());
                } catch (IllegalArgumentException e) {
                    metrics.count(OutboxMetrics.Result.REJECTED);
                    batch.outcomes.add(Outcome.dead(row, "unreadable reply: " + e.getMessage()));
                    continue;
                }
                sends.add(new Batch.Send(row, reply));
            }
            if (!sends.isEmpty()) {
                tasks.add(sends);
                batch.chats.add(chat.getKey());
            }
        }
        inFlight.add(batch);
        if (tasks.isEmpty()) {
            signals.finished(batch);
            return;
        }
        batch.tasksLeft.set(tasks.size());
        for (List<Batch.Send> sends : tasks) {
            limits.promise(sends.size());
            pool.execute(() -> {
                try {
                    chatSends.sendAll(batch, sends);
                } finally {
                    limits.settle(sends.size());
                    if (batch.tasksLeft.decrementAndGet() == 0) {
                        signals.finished(batch);
                    }
                }
            });
        }
    }
}
