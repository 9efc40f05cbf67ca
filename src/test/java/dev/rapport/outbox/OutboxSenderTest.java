package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.channel.Button;
import dev.rapport.channel.Reply;
import dev.rapport.config.RapportConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivery, retries and dead letters, through the real Telegram sender to the fake Bot API. */
class OutboxSenderTest {

    private final OutboxFixture fixture = new OutboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aReplyIsDeliveredAndMarkedSentWithTelegramsMessageId() {
        fixture.enqueue("k1", 42, "Hello");

        fixture.sender(OutboxFixture.FAST);

        fixture.awaitStatus("k1", "sent");
        var row = fixture.row("k1");
        assertThat(row.get("external_id")).isEqualTo("1");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(fixture.queued("k1")).as("no longer in the queue").isEmpty();
        assertThat(fixture.telegram.sentTexts(42)).containsExactly("Hello");
    }

    @Test
    void aReplyWrittenTwiceWithTheSameKeyIsSentOnce() throws InterruptedException {
        assertThat(fixture.enqueue("turn-7:0", 42, "Hello")).isEqualTo(1);
        assertThat(fixture.enqueue("turn-7:0", 42, "Hello")).isZero();
        var sender = fixture.sender(OutboxFixture.FAST);
        fixture.awaitStatus("turn-7:0", "sent");

        assertThat(fixture.enqueue("turn-7:0", 42, "Hello")).isZero(); // the turn retried after delivery
        assertThat(sender.awaitIdle(OutboxFixture.PATIENCE))
                .as("the sender looked again and found nothing")
                .isTrue();

        assertThat(fixture.telegram.calls("sendMessage")).hasSize(1);
    }

    @Test
    void aLongTextArrivesAsPartsInOrderWithTheButtonsOnTheLast() {
        String text = TextSplitterTest.prose(10_000, new Random(11));
        var buttons = List.of(List.of(new Button("OK", "ok")));
        fixture.enqueue(new Outgoing("long", "telegram", "42", null, new Reply.Text(text, buttons)));

        fixture.sender(OutboxFixture.FAST);

        var calls = fixture.telegram.awaitCalls("sendMessage", 3, OutboxFixture.PATIENCE);
        List<String> parts = fixture.telegram.sentTexts(42);
        assertThat(parts)
                .hasSize(calls.size())
                .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        TextSplitterTest.assertRejoins(text, parts);
        assertThat(calls.get(calls.size() - 1).body().has("reply_markup")).isTrue();
        assertThat(calls.subList(0, calls.size() - 1))
                .allSatisfy(call -> assertThat(call.body().has("reply_markup")).isFalse());
    }

    @Test
    void tooManyRequestsWaitsExactlyRetryAfterBeforeTheNextAttempt() {
        fixture.telegram.rateLimitNext(1, 2);
        fixture.enqueue("k1", 42, "Hello");

        fixture.sender(OutboxFixture.FAST);

        var calls = fixture.telegram.awaitCalls("sendMessage", 2, OutboxFixture.PATIENCE);
        assertThat(calls.get(0).status()).isEqualTo(429);
        assertThat(calls.get(1).status()).isEqualTo(200);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        fixture.awaitStatus("k1", "sent");
        assertThat(fixture.row("k1").get("attempts")).isEqualTo(2);
    }

    @Test
    void tooManyRequestsPausesEveryChatOfTheBotNotOnlyTheOneThatGotIt() {
        fixture.telegram.rateLimitNext(1, 4);
        fixture.enqueue("k1", 42, "Hello");
        var sender = fixture.sender(OutboxFixture.FAST);
        var limited = fixture.telegram
                .awaitCalls("sendMessage", 1, OutboxFixture.PATIENCE)
                .get(0);
        assertThat(limited.status()).isEqualTo(429);
        // Once the sender has taken in the answer (its outcome is written), the whole bot waits.
        org.awaitility.Awaitility.await()
                .atMost(OutboxFixture.PATIENCE)
                .until(() -> Integer.valueOf(1).equals(fixture.row("k1").get("attempts")));

        for (long chat = 43; chat <= 46; chat++) {
            fixture.enqueue("other-" + chat, chat, "Hello " + chat);
        }
        sender.wake();

        var calls = fixture.telegram.awaitCalls("sendMessage", 6, OutboxFixture.PATIENCE);
        assertThat(calls.subList(1, calls.size())).allSatisfy(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(Duration.between(limited.at(), call.at())).isGreaterThanOrEqualTo(Duration.ofMillis(3900));
        });
    }

    @Test
    void serverErrorsAreRetriedWithGrowingBackOffThenDelivered() {
        fixture.telegram.failNext(2, 500);
        fixture.enqueue("k1", 42, "Hello");

        fixture.sender(OutboxFixture.FAST);

        fixture.awaitStatus("k1", "sent");
        var calls = fixture.telegram.calls("sendMessage");
        assertThat(calls).extracting(call -> call.status()).containsExactly(500, 500, 200);
        // back-off 50 ms then 100 ms, each ±20 %
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(40));
        assertThat(Duration.between(calls.get(1).at(), calls.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(80));
        var row = fixture.row("k1");
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat(row.get("last_error")).isNull();
    }

    @Test
    void aReplyThatKeepsFailingIsDeadLetteredAfterMaxAttempts() {
        fixture.telegram.failNext(1_000, 502);
        fixture.enqueue("k1", 42, "Hello");
        long customer = fixture.customerWithTelegramChat(42);

        fixture.sender(new RapportConfig.Outbox(1000, 1000, 10_000, 3, 4));

        fixture.awaitStatus("k1", "dead");
        var row = fixture.row("k1");
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat((String) row.get("last_error"))
                .contains("gave up after 3 attempts")
                .contains("502");
        assertThat(fixture.telegram.calls("sendMessage")).hasSize(3);
        var events = fixture.events("outbox.dead_letter");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("customer_id")).isEqualTo(customer);
        assertThat((String) events.get(0).get("data")).contains("\"dedup_key\": \"k1\"");
    }

    @Test
    void aRejectedReplyIsDeadAtOnceAndTheChatGoesOn() {
        fixture.telegram.failNext(1, 400, "Bad Request: can't parse entities");
        fixture.enqueue("k1", 42, "Hello");
        fixture.enqueue("k2", 42, "Still there?");

        fixture.sender(OutboxFixture.FAST);

        fixture.awaitStatus("k2", "sent");
        assertThat(fixture.status("k1")).isEqualTo("dead");
        assertThat(fixture.row("k1").get("attempts")).isEqualTo(1);
        assertThat((String) fixture.row("k1").get("last_error"))
                .contains("rejected")
                .contains("can't parse entities");
        assertThat(fixture.events("outbox.dead_letter")).hasSize(1);
    }

    @Test
    void theSendCounterAndGaugesAreExportedUnderTheirPrometheusNames() {
        var prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        fixture.enqueue("k1", 42, "Hello");
        // Rows for a channel this process has no sender for stay pending: they make the depth.
        fixture.enqueue(new Outgoing("w1", "webchat", "browser-1", null, new Reply.Text("Hi", List.of())));

        fixture.sender(OutboxFixture.FAST, prometheus);

        fixture.awaitStatus("k1", "sent");
        org.awaitility.Awaitility.await()
                .atMost(OutboxFixture.PATIENCE)
                .until(() -> prometheus.scrape().contains("rapport_outbox_depth 1.0"));
        String scrape = prometheus.scrape();
        assertThat(scrape)
                .contains("rapport_outbox_sends_total{result=\"delivered\"} 1.0")
                .contains("rapport_outbox_sends_total{result=\"retry_after\"} 0.0")
                .contains("rapport_outbox_send_latency_seconds_count 1")
                .contains("rapport_outbox_oldest_age_seconds");
    }
}
