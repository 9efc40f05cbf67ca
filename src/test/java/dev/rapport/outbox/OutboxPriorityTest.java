package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.channel.Reply;
import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.channel.telegram.FloodLimits;
import dev.rapport.config.RapportConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outreach queued in bulk goes out at the configured rate without one 429 from a Bot API that
 * enforces Telegram's limits, and a reply to a customer who is talking overtakes all of it.
 */
class OutboxPriorityTest {

    private static final int CAMPAIGN = 1_000;
    private final OutboxFixture fixture = new OutboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aReplyQueuedBehindAThousandCampaignRowsGoesOutWithinASecondAndNothingIsRefused() {
        // Telegram's shape (1/s per chat, bursts of 3) at 100/s for the bot, so the test takes seconds.
        fixture.telegram.enforce(FloodLimits.telegram().withPerSecond(100));
        var atTheLimit = new RapportConfig.Outbox(1, 3, 100, 5, 8);
        fixture.database.jdbi().useTransaction(handle -> {
            for (int i = 0; i < CAMPAIGN; i++) {
                Outbox.enqueue(
                        handle,
                        new Outgoing(
                                "campaign:" + i,
                                "telegram",
                                String.valueOf(10_000 + i),
                                null,
                                new Reply.Text("Spring sale " + i, List.of()),
                                Outgoing.Priority.OUTREACH));
            }
        });
        Instant started = Instant.now();
        fixture.sender(atTheLimit);
        fixture.telegram.awaitCalls("sendMessage", 200, OutboxFixture.PATIENCE);

        Instant queued = Instant.now();
        fixture.enqueue("reply", 42, "Your order ships today");
        fixture.awaitStatus("reply", "sent");

        var calls = fixture.telegram.awaitCalls("sendMessage", CAMPAIGN + 1, Duration.ofSeconds(60));
        Instant finished = calls.get(calls.size() - 1).at();
        var reply =
                calls.stream().filter(call -> call.chatId() == 42).findFirst().orElseThrow();
        long campaignAfterReply =
                calls.stream().filter(call -> call.at().isAfter(reply.at())).count();

        assertThat(Duration.between(queued, reply.at())).as("reply latency").isLessThan(Duration.ofMillis(1000));
        assertThat(campaignAfterReply)
                .as("campaign rows still queued when the reply went")
                .isGreaterThan(500);
        assertThat(fixture.telegram.floodRefusals()).as("429s").isZero();
        assertThat(calls).allMatch(FakeTelegramApi.Call::succeeded);
        // 1,001 messages at 100/s (the first 100 a burst): no faster than the limit, not much slower.
        assertThat(Duration.between(started, finished)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(20));
        await().atMost(OutboxFixture.PATIENCE)
                .until(() -> fixture.database
                                .jdbi()
                                .withHandle(handle -> handle.createQuery(
                                                "SELECT count(*) FROM outbox WHERE status = 'sent'")
                                        .mapTo(Integer.class)
                                        .one())
                        == CAMPAIGN + 1);
    }
}
