package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.Reply;
import dev.rapport.channel.SendResult;
import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.channel.telegram.TelegramSender;
import dev.rapport.config.RapportConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two sender processes on one database, one of them dying or slow mid-send: a dead sender's reply
 * goes out from the other within one short lease, and a live sender keeps its rows however long a
 * call takes (it renews the lease), so nothing is sent twice.
 */
class OutboxLeaseTest {

    private final OutboxFixture fixture = new OutboxFixture();
    private final FakeTelegramApi otherTelegram = new FakeTelegramApi().start();
    private final TelegramSender otherChannel = new TelegramSender(
            new RapportConfig.Telegram(
                    FakeTelegramApi.TOKEN, "secret", URI.create(otherTelegram.baseUrl()), "https://rapport.example"),
            4);

    @AfterEach
    void close() {
        fixture.close();
        otherChannel.close();
        otherTelegram.close();
    }

    @Test
    void aReplyMidSendWhenItsSenderDiesGoesOutFromAnotherSenderWithinSeconds() {
        fixture.telegram.delay(Duration.ofSeconds(9)); // the call hangs when the process dies
        fixture.enqueue("k1", 42, "Hello");
        var defaults = OutboxFixture.tuning(8);
        var dying = new OutboxSender(
                fixture.database.jdbi(),
                List.of(fixture.channel),
                OutboxFixture.FAST,
                new SimpleMeterRegistry(),
                new OutboxSender.Tuning(
                        defaults.pollInterval(),
                        defaults.lease(),
                        defaults.renewEvery(),
                        defaults.backoff(),
                        defaults.batchSize(),
                        defaults.maxInFlight(),
                        defaults.depthInterval(),
                        Duration.ofMillis(100)));
        dying.start();
        fixture.telegram.awaitCalls("sendMessage", 1, OutboxFixture.PATIENCE);
        // Stopped hard mid-send: no outcome written, no lease renewed or released — what kill -9 leaves.
        dying.close();
        Instant died = Instant.now();

        var survivor = new OutboxSender(
                fixture.database.jdbi(),
                List.of(otherChannel),
                OutboxFixture.FAST,
                new SimpleMeterRegistry(),
                OutboxFixture.tuning(8));
        try {
            survivor.start();
            var resent = otherTelegram
                    .awaitCalls("sendMessage", 1, Duration.ofSeconds(40))
                    .get(0);
            assertThat(Duration.between(died, resent.at())).isLessThan(Duration.ofSeconds(20));
            fixture.awaitStatus("k1", "sent");
        } finally {
            survivor.close();
        }
    }

    @Test
    void aLiveSenderRenewsItsLeaseSoASlowCallIsNeverSentTwice() {
        fixture.telegram.delay(Duration.ofSeconds(6)); // longer than the 3 s lease below
        fixture.enqueue("k1", 42, "Hello");
        var shortLease = new OutboxSender.Tuning(
                Duration.ofMillis(50),
                Duration.ofSeconds(3),
                Duration.ofMillis(300),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)),
                16,
                64,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10));
        var slow = new OutboxSender(
                fixture.database.jdbi(),
                List.of(quick(fixture.channel)),
                OutboxFixture.FAST,
                new SimpleMeterRegistry(),
                shortLease);
        var other = new OutboxSender(
                fixture.database.jdbi(),
                List.of(quick(otherChannel)),
                OutboxFixture.FAST,
                new SimpleMeterRegistry(),
                shortLease);
        try {
            slow.start();
            fixture.telegram.awaitCalls("sendMessage", 1, OutboxFixture.PATIENCE);
            other.start();

            fixture.awaitStatus("k1", "sent");
            assertThat(otherTelegram.calls("sendMessage")).isEmpty();
            assertThat(fixture.telegram.calls("sendMessage")).hasSize(1);
        } finally {
            other.close();
            slow.close();
        }
    }

    /** The same channel, declaring its calls end within a second (so a 3 s lease is long enough for the test). */
    private static ChannelSender quick(ChannelSender channel) {
        return new ChannelSender() {
            @Override
            public String channel() {
                return channel.channel();
            }

            @Override
            public SendResult send(String chatKey, Reply reply) {
                return channel.send(chatKey, reply);
            }

            @Override
            public Duration longestCall() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
