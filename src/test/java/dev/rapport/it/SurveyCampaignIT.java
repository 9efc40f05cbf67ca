package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.inbox.OutreachQueue;
import dev.rapport.survey.SurveyCampaign;
import dev.rapport.survey.SurveyFeature;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A survey campaign to a segment: only customers who may be asked, through the outreach queue and
 * the outbox, once however often it runs.
 */
class SurveyCampaignIT {

    static RunningRapport rapport;
    static SurveyCampaign campaigns;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
        campaigns = new SurveyCampaign(
                SurveyFeature.load(
                        Path.of("conversations"),
                        Path.of("config/surveys.yaml"),
                        rapport.database.jdbi(),
                        java.time.Clock.systemUTC()),
                new OutreachQueue());
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    private static void sql(String statement) {
        rapport.database.jdbi().useHandle(handle -> handle.execute(statement));
    }

    private static long customer(long chat) {
        return rapport.count("SELECT customer_id FROM channel_accounts WHERE chat_key = ?", String.valueOf(chat));
    }

    private static String dryRun(dev.rapport.domain.Tier tier, String campaign) {
        var text = new StringWriter();
        SurveyCampaign.print(
                campaigns.plan(rapport.database.jdbi(), "feedback", tier, campaign),
                new PrintWriter(text),
                dev.rapport.cli.CliTexts.labels(dev.rapport.domain.Language.EN));
        return text.toString();
    }

    @Test
    void aCampaignSkipsWhoMayNotBeAskedAndSendsOnceHoweverOftenItRuns() {
        for (long chat = 801; chat <= 805; chat++) {
            rapport.say(chat, "/start", chat == 805 ? "zh-hans" : "en", 1);
        }
        rapport.say(802, "/stop", "en", 2); // opted out
        sql("UPDATE channel_accounts SET unreachable_at = now() WHERE chat_key = '803'"); // blocked the bot
        sql(
                "UPDATE customers SET tier = 'major' WHERE id IN (SELECT customer_id FROM channel_accounts WHERE chat_key IN ('801', '805'))");
        sql("""
                INSERT INTO survey_responses (survey_id, customer_id, trigger, tier, channel, chat_key, language, status, started_at)
                SELECT 'feedback', customer_id, 'menu', 'major', 'telegram', chat_key, 'en', 'completed', now() - interval '2 days'
                FROM channel_accounts WHERE chat_key = '804'"""); // surveyed recently
        sql("""
                INSERT INTO survey_responses (survey_id, customer_id, trigger, tier, channel, chat_key, language, started_at)
                SELECT 'complaint_followup', customer_id, 'complaint:T-7', 'major', 'telegram', chat_key, 'zh', now() - interval '1 day'
                FROM channel_accounts WHERE chat_key = '805'"""); // a follow-up does not count

        String plan = dryRun(null, "spring");
        assertThat(plan)
                .contains("Campaign spring: 2 to invite")
                .containsPattern("invite\\s+#" + customer(801) + " Ada\\s+major\\s+en\\n")
                .containsPattern("invite\\s+#" + customer(805) + " Ada\\s+major\\s+zh\\n")
                .containsPattern("skip\\s+#" + customer(802) + " Ada\\s+small\\s+\\w+\\s+opted out")
                .containsPattern("skip\\s+#" + customer(803) + " Ada\\s+small\\s+\\w+\\s+no reachable chat")
                .containsPattern(
                        "skip\\s+#" + customer(804) + " Ada\\s+small\\s+\\w+\\s+surveyed within the frequency cap");
        assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE kind = 'outreach'"))
                .as("a dry run sends nothing")
                .isZero();
        assertThat(dryRun(dev.rapport.domain.Tier.KEY, "spring"))
                .contains("Campaign spring: 0 to invite")
                .doesNotContain("#");

        var plan1 = campaigns.plan(rapport.database.jdbi(), "feedback", null, "spring");
        assertThat(campaigns.send(rapport.database.jdbi(), "feedback", plan1)).isEqualTo(2);
        assertThat(rapport.awaitSent(801, 3).get(1).text()).contains("six short questions");
        assertThat(rapport.awaitSent(805, 3).get(1).text()).contains("六个小问题");

        var plan2 = campaigns.plan(rapport.database.jdbi(), "feedback", null, "spring");
        assertThat(plan2.invite()).isEmpty();
        assertThat(campaigns.send(rapport.database.jdbi(), "feedback", plan1))
                .as("the first plan again")
                .isZero();
        assertThat(campaigns
                        .plan(rapport.database.jdbi(), "feedback", null, "summer")
                        .invite())
                .as("another campaign within the cap")
                .isEmpty();
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> rapport.telegram.sentTexts(801).size() == 3
                        && rapport.telegram.sentTexts(805).size() == 3);
        assertThat(rapport.telegram.sentTexts(802)).hasSize(2);
        assertThat(rapport.telegram.sentTexts(803)).hasSize(1);
        assertThat(rapport.telegram.sentTexts(804)).hasSize(1);
        assertThat(rapport.count("SELECT count(*) FROM survey_invitations WHERE campaign = 'spring'"))
                .isEqualTo(2);

        // The invited customer answers: the response is the campaign's.
        rapport.press(801, "a:survey_feedback.csat:5", 5);
        assertThat(rapport.count("""
                SELECT count(*) FROM survey_responses WHERE customer_id = ? AND trigger = 'campaign:spring'
                  AND tier = 'major'""", customer(801))).isEqualTo(1);
    }
}
