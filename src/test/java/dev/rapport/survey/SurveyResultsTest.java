package dev.rapport.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Results and export on a fixed set of answers whose figures were worked out by hand. */
class SurveyResultsTest {

    static Database database;

    @BeforeAll
    static void answers() {
        database = TestDatabase.fresh();
        database.jdbi().useHandle(handle -> handle.execute(FIXED_ANSWERS));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /**
     * Key tier: two completed responses (CSAT 5 and 4, NPS 10 and 9, CES 7 and 6), one of them a
     * campaign's with its invitation. Small tier: one completed (CSAT 2, NPS 3, CES 2), one open
     * (CSAT 3, NPS 7), one expired with CSAT skipped, and one invitation never answered. Noise: another
     * survey's response, and one from last year.
     */
    static final String FIXED_ANSWERS = """
            INSERT INTO customers (id, name, tier) VALUES (1, 'Kim', 'key'), (2, 'Kai', 'key'), (3, 'Sam', 'small'),
                (4, 'Sue', 'small'), (5, 'Sol', 'small'), (6, 'Sid', 'small');
            INSERT INTO survey_responses (id, survey_id, customer_id, trigger, status, tier, channel, chat_key, language, started_at) VALUES
                (1, 'feedback', 1, 'campaign:c1', 'completed', 'key', 'telegram', '1', 'en', now() - interval '3 days'),
                (2, 'feedback', 2, 'menu', 'completed', 'key', 'webchat', '2', 'zh', now() - interval '3 days'),
                (3, 'feedback', 3, 'menu', 'completed', 'small', 'telegram', '3', 'en', now() - interval '2 days'),
                (4, 'feedback', 4, 'menu', 'open', 'small', 'telegram', '4', 'en', now() - interval '1 day'),
                (5, 'feedback', 5, 'menu', 'expired', 'small', 'telegram', '5', 'zh', now() - interval '5 days'),
                (6, 'complaint_followup', 1, 'complaint:T-1', 'completed', 'key', 'telegram', '1', 'en', now()),
                (7, 'feedback', 6, 'menu', 'completed', 'small', 'telegram', '6', 'en', now() - interval '400 days');
            INSERT INTO survey_invitations (survey_id, campaign, customer_id, tier, invited_at) VALUES
                ('feedback', 'c1', 1, 'key', now() - interval '3 days'),
                ('feedback', 'c1', 6, 'small', now() - interval '3 days');
            INSERT INTO survey_answers (response_id, question_id, question_type, score, value, skipped, sentiment, sentiment_score) VALUES
                (1, 'csat', 'csat', 5, '5', false, null, null), (1, 'nps', 'nps', 10, '10', false, null, null),
                (1, 'ces', 'ces', 7, '7', false, null, null),
                (1, 'comment', 'text', null, 'Great, "really" fast, thanks', false, 'positive', 0.8),
                (2, 'csat', 'csat', 4, '4', false, null, null), (2, 'nps', 'nps', 9, '9', false, null, null),
                (2, 'ces', 'ces', 6, '6', false, null, null),
                (3, 'csat', 'csat', 2, '2', false, null, null), (3, 'nps', 'nps', 3, '3', false, null, null),
                (3, 'ces', 'ces', 2, '2', false, null, null), (3, 'liked', 'multiple', null, 'price,service', false, null, null),
                (4, 'csat', 'csat', 3, '3', false, null, null), (4, 'nps', 'nps', 7, '7', false, null, null),
                (5, 'csat', 'csat', null, null, true, null, null),
                (6, 'csat', 'csat', 1, '1', false, null, null),
                (7, 'csat', 'csat', 1, '1', false, null, null), (7, 'nps', 'nps', 0, '0', false, null, null);
            """;

    private static final OffsetDateTime A_MONTH_AGO = OffsetDateTime.now().minusDays(30);

    @Test
    void overallFiguresMatchTheHandComputedOnes() {
        var all = SurveyResults.compute(database.jdbi(), "feedback", A_MONTH_AGO).get("all");

        assertThat(all.reached()).as("5 responses + 1 invitation never answered").isEqualTo(6);
        assertThat(all.completed()).isEqualTo(3);
        assertThat(all.responseRate()).isCloseTo(0.5, within(1e-9));
        assertThat(all.csatAverage()).as("(5+4+2+3)/4").isCloseTo(3.5, within(1e-9));
        assertThat(all.csatCounts()).containsExactly(0, 0, 1, 1, 1, 1);
        assertThat(all.promoters()).isEqualTo(2);    // 10, 9
        assertThat(all.passives()).isEqualTo(1);     // 7
        assertThat(all.detractors()).isEqualTo(1);   // 3
        assertThat(all.nps()).as("(2 - 1) / 4").isCloseTo(25.0, within(1e-9));
        assertThat(all.cesAverage()).as("(7+6+2)/3").isCloseTo(5.0, within(1e-9));
    }

    @Test
    void figuresByTierMatchTheHandComputedOnes() {
        Map<String, SurveyResults.Figures> figures = SurveyResults.compute(database.jdbi(), "feedback", A_MONTH_AGO);
        var key = figures.get("key");
        assertThat(key.reached()).isEqualTo(2);
        assertThat(key.responseRate()).isCloseTo(1.0, within(1e-9));
        assertThat(key.csatAverage()).isCloseTo(4.5, within(1e-9));
        assertThat(key.nps()).isCloseTo(100.0, within(1e-9));
        assertThat(key.cesAverage()).isCloseTo(6.5, within(1e-9));

        var small = figures.get("small");
        assertThat(small.reached()).isEqualTo(4);
        assertThat(small.responseRate()).isCloseTo(0.25, within(1e-9));
        assertThat(small.csatAverage()).isCloseTo(2.5, within(1e-9));
        assertThat(small.nps()).as("0 promoters, 1 passive, 1 detractor").isCloseTo(-50.0, within(1e-9));
        assertThat(small.cesAverage()).isCloseTo(2.0, within(1e-9));

        assertThat(figures.get("major").reached()).isZero();
        assertThat(figures.get("major").nps()).isNaN();
    }

    @Test
    void withoutSinceOldResponsesCount() {
        var all = SurveyResults.compute(database.jdbi(), "feedback", null).get("all");
        assertThat(all.reached()).as("6 responses + the invitation never answered").isEqualTo(7);
        assertThat(all.csatCounts()[1]).isEqualTo(1);
        assertThat(all.detractors()).isEqualTo(2);
    }

    @Test
    void thePrintedTableShowsTheFigures() {
        var text = new StringWriter();
        SurveyResults.print("feedback", "responses since 2026-01-01",
                SurveyResults.compute(database.jdbi(), "feedback", A_MONTH_AGO), new PrintWriter(text));
        assertThat(text.toString())
                .containsPattern("response rate\\s+50\\.0%\\s+100\\.0%\\s+-\\s+-\\s+25\\.0%")
                .containsPattern("CSAT average\\s+3\\.50\\s+4\\.50\\s+-\\s+-\\s+2\\.50")
                .containsPattern("NPS\\s+\\+25\\.0\\s+\\+100\\.0\\s+-\\s+-\\s+-50\\.0")
                .containsPattern("CES average\\s+5\\.00\\s+6\\.50\\s+-\\s+-\\s+2\\.00");
    }

    @Test
    void theExportHasEveryAnswerOfTheSurveyAsCsv() {
        var text = new StringWriter();
        int rows = SurveyExport.csv(database.jdbi(), "feedback", A_MONTH_AGO, new PrintWriter(text));

        String[] lines = text.toString().split("\r\n");
        assertThat(rows).isEqualTo(14);
        assertThat(lines).hasSize(15);
        assertThat(lines[0]).isEqualTo("response_id,survey,trigger,status,customer_id,tier,channel,language,started_at,"
                + "question,type,score,value,skipped,sentiment,sentiment_score,answered_at");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("1,feedback,campaign:c1,completed,1,key,telegram,en,")
                .contains(",comment,text,,\"Great, \"\"really\"\" fast, thanks\",false,positive,0.8,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",liked,multiple,,\"price,service\",false,,,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("5,").contains(",csat,csat,,,true,,,"));
        assertThat(text.toString()).doesNotContain("complaint_followup");
    }
}
