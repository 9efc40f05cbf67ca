package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.channel.telegram.FloodLimits;
import dev.rapport.cli.Commands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An offer campaign against a Bot API that enforces Telegram's limits (1/s per chat with bursts of 3,
 * 30/s in all): 900 texts go out at the configured 30/s without one 429, and a customer who writes
 * while hundreds are still queued (in the outbox, and outreach still in the inbox) gets the answer
 * within about a second, before the rest of the campaign.
 */
class CampaignAtTelegramLimitsIT {

    private static final int CUSTOMERS = 300;
    private static final long LIVE_CHAT = 9_999;

    @Test
    void aCampaignGoesOutAtTheLimitWithoutA429AndALiveReplyOvertakesIt() {
        var settings = Map.of("RATE_PER_CHAT", "1", "RATE_PER_CHAT_BURST", "3", "RATE_GLOBAL", "30");
        try (var rapport = RunningRapport.start(settings, fake -> fake.enforce(FloodLimits.telegram()))) {
            var shop = new Shop(rapport);
            for (int i = 0; i < CUSTOMERS; i++) {
                shop.customer(20_000 + i, i % 3 == 0 ? "major" : "ordinary", i % 2 == 0 ? "en" : "zh");
            }
            shop.customer(LIVE_CHAT, "key", "en"); // not a tier of spring_sale: only talks
            assertThat(new Commands(rapport.database, rapport.config())
                            .campaignSend("spring_sale", null, false)
                            .out())
                    .contains("Planned " + CUSTOMERS + " new sends");

            Instant started = Instant.now();
            while (rapport.count("SELECT count(*) FROM offer_sends WHERE status = 'planned'") > 0) {
                rapport.runJob("offer.campaign_sends"); // 20 per run, as the schedule would every 10 s
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> rapport.count("SELECT count(*) FROM outbox WHERE status = 'pending' AND priority = 1")
                            >= 250);

            Instant asked = Instant.now();
            rapport.postUpdate(Updates.text(1, LIVE_CHAT, "/start"));
            var answer = rapport.awaitSent(LIVE_CHAT, 1).get(0);

            int total = CUSTOMERS * 3; // an offer campaign message is three texts
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> campaignTexts(rapport).size() >= total);
            List<FakeTelegramApi.Call> campaign = campaignTexts(rapport);
            long campaignAfterAnswer = campaign.stream()
                    .filter(call -> call.at().isAfter(answer.at()))
                    .count();
            Duration took =
                    Duration.between(started, campaign.get(campaign.size() - 1).at());

            // In the outbox (the turn's commit to delivery) the answer waits for no campaign text. End to
            // end it also waits for the inbox pass in progress (up to 16 outreach turns per worker), which on
            // a machine shared by parallel builds takes a second or two.
            long outboxMillis = rapport.count("""
                    SELECT (extract(epoch FROM min(sent_at) - min(created_at)) * 1000)::bigint
                    FROM outbox WHERE chat_key = ? AND priority = 0""", String.valueOf(LIVE_CHAT));
            System.out.printf(
                    "Live answer during the campaign: %d ms end to end, %d ms in the outbox; %d campaign texts "
                            + "after it%n",
                    Duration.between(asked, answer.at()).toMillis(), outboxMillis, campaignAfterAnswer);
            assertThat(outboxMillis)
                    .as("ms from the turn's commit to the answer's delivery")
                    .isLessThan(1000);
            assertThat(Duration.between(asked, answer.at()))
                    .as("answer latency during the campaign")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(campaignAfterAnswer)
                    .as("campaign texts sent after the answer")
                    .isGreaterThan(100);
            assertThat(rapport.telegram.floodRefusals()).as("429s").isZero();
            assertThat(rapport.telegram.calls()).noneMatch(call -> call.status() == 429);
            // 900 texts at 30/s (the first 30 a burst): never faster than the limit allows.
            assertThat(took).isGreaterThan(Duration.ofSeconds((total - 30) / 30));
            assertThat(rapport.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(rapport.count("SELECT count(*) FROM outbox WHERE status <> 'sent'"))
                    .isZero();
        }
    }

    private static List<FakeTelegramApi.Call> campaignTexts(RunningRapport rapport) {
        return rapport.telegram.calls("sendMessage").stream()
                .filter(call -> call.succeeded() && call.chatId() != null && call.chatId() != LIVE_CHAT)
                .toList();
    }
}
