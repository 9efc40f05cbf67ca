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
        database.jdbi().useHandle(handle -> handle.execute(FixedAnswers.SQL));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static final OffsetDateTime A_MONTH_AGO = OffsetDateTime.now().minusDays(30);

    @Test
    void overallFiguresMatchTheHandComputedOnes() {
        var all =
                SurveyResults.compute(database.jdbi(), "feedback", A_MONTH_AGO).get("all");

        assertThat(all.reached())
                .as("5 responses + 1 invitation never answered")
                .isEqualTo(6);
        assertThat(all.completed()).isEqualTo(3);
        assertThat(all.responseRate()).isCloseTo(0.5, within(1e-9));
        assertThat(all.csatAverage()).as("(5+4+2+3)/4").isCloseTo(3.5, within(1e-9));
        assertThat(all.csatCounts()).containsExactly(0, 0, 1, 1, 1, 1);
        assertThat(all.promoters()).isEqualTo(2); // 10, 9
        assertThat(all.passives()).isEqualTo(1); // 7
        assertThat(all.detractors()).isEqualTo(1); // 3
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
        assertThat(all.reached())
                .as("6 responses + the invitation never answered")
                .isEqualTo(7);
        assertThat(all.csatCounts()[1]).isEqualTo(1);
        assertThat(all.detractors()).isEqualTo(2);
    }

    @Test
    void thePrintedTableShowsTheFigures() {
        var text = new StringWriter();
        SurveyResults.print(
                "feedback",
                "responses since 2026-01-01",
                SurveyResults.compute(database.jdbi(), "feedback", A_MONTH_AGO),
                new PrintWriter(text),
                dev.rapport.cli.CliTexts.labels(dev.rapport.domain.Language.EN));
        assertThat(text.toString())
                .containsPattern("response rate\\s+50\\.0%\\s+100\\.0%\\s+-\\s+-\\s+25\\.0%")
                .containsPattern("CSAT average\\s+3\\.50\\s+4\\.50\\s+-\\s+-\\s+2\\.50")
                .containsPattern("NPS\\s+\\+25\\.0\\s+\\+100\\.0\\s+-\\s+-\\s+-50\\.0")
                .containsPattern("CES average\\s+5\\.00\\s+6\\.50\\s+-\\s+-\\s+2\\.00");
    }

    @Test
    void theExportHasEveryAnswerOfTheSurveyAsCsv() {
        var text = new StringWriter();
        int rows = SurveyExport.csv(
                database.jdbi(), "feedback", A_MONTH_AGO, java.time.ZoneId.of("Asia/Shanghai"), new PrintWriter(text));

        String[] lines = text.toString().split("\r\n");
        assertThat(rows).isEqualTo(14);
        assertThat(lines).hasSize(15);
        assertThat(lines[0])
                .isEqualTo("\uFEFFresponse_id,survey,trigger,status,customer_id,tier,channel,language,started_at,"
                        + "question,type,score,value,skipped,sentiment,sentiment_score,answered_at,partial");
        // Times in the business's zone, with the offset written, never a bare local time.
        assertThat(lines[1].split(",")[8]).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+08:00");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("1,feedback,campaign:c1,completed,1,key,telegram,en,")
                        .contains(",comment,text,,\"Great, \"\"really\"\" fast, thanks\",false,positive,0.8,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",liked,multiple,,\"price,service\",false,,,"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(" 20"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("5,").contains(",csat,csat,,,true,,,"));
        assertThat(text.toString()).doesNotContain("complaint_followup");
    }
}
