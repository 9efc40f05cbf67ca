package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every figure's arithmetic against values counted by hand from {@link Fixture}, on a real PostgreSQL:
 * the period, the previous period, an empty period and a survey nobody answered.
 */
class DashboardFiguresIT {

    static final ZoneOffset UTC = ZoneOffset.UTC;
    static Database database;
    static Fixture fixture;
    static final Filter NOVEMBER = filter("from=2026-11-01", "to=2026-11-10");

    @BeforeAll
    static void load() {
        database = TestDatabase.fresh();
        fixture = new Fixture(database.jdbi());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Filter filter(String... pairs) {
        var query = new java.util.HashMap<String, List<String>>();
        for (String pair : pairs) {
            String[] parts = pair.split("=", 2);
            query.computeIfAbsent(parts[0], k -> new java.util.ArrayList<>()).add(parts[1]);
        }
        return Filter.parse(name -> query.getOrDefault(name, List.of()), LocalDate.of(2026, 11, 10));
    }

    @Test
    void surveyFiguresOfThePeriodAndThePreviousOne() {
        var result = new SurveyFigures(database.jdbi(), UTC).compute(NOVEMBER);
        Scores now = result.total().now();
        // CSAT 5, 4, 1, 2: two of four are 4–5; mean 12 / 4.
        assertThat(now.csatAnswers()).isEqualTo(4);
        assertThat(now.csatShare()).isEqualTo(0.5);
        assertThat(now.csatMean()).isEqualTo(3.0);
        assertThat(now.csat).containsExactly(0, 1, 1, 0, 1, 1);
        // NPS 10, 8, 3: one promoter, one passive, one detractor: (1 − 1) / 3.
        assertThat(now.promoters()).isEqualTo(1);
        assertThat(now.passives()).isEqualTo(1);
        assertThat(now.detractors()).isEqualTo(1);
        assertThat(now.nps()).isEqualTo(0.0);
        // CES 6, 5 (the skipped one does not count).
        assertThat(now.cesAnswers()).isEqualTo(2);
        assertThat(now.cesMean(7)).isEqualTo(5.5);
        assertThat(now.cesScales()).containsExactly(7);
        // Five surveys shown (winter's included), two completed.
        assertThat(now.asked).isEqualTo(5);
        assertThat(now.responseRate()).isEqualTo(0.4);
        Scores before = result.total().before();
        assertThat(before.csatShare()).isEqualTo(0.0);
        assertThat(before.csatMean()).isEqualTo(3.0);
        assertThat(before.nps()).isEqualTo(100.0);
        assertThat(before.responseRate()).isEqualTo(1.0);
    }

    @Test
    void surveyBreakdownsIncludingASurveyNobodyAnswered() {
        var by = new SurveyFigures(database.jdbi(), UTC).compute(NOVEMBER).by();
        Scores key = by.get("tier").get("key").now();
        assertThat(key.csatShare()).isEqualTo(1.0);
        assertThat(key.nps()).isEqualTo(100.0);
        assertThat(key.responseRate()).isEqualTo(0.5);
        Scores small = by.get("tier").get("small").now();
        assertThat(small.csatMean()).isEqualTo(1.5);
        assertThat(small.nps()).isEqualTo(-100.0);
        assertThat(small.responseRate()).isEqualTo(0.0);
        assertThat(by.get("language").get("zh").now().nps()).isEqualTo(0.0);
        assertThat(by.get("channel").get("webchat").now().csatMean()).isEqualTo(4.0);
        Scores winter = by.get("survey").get("winter").now();
        assertThat(winter.asked).isEqualTo(1);
        assertThat(winter.responseRate()).isEqualTo(0.0);
        assertThat(winter.csatShare()).isNaN();
        assertThat(winter.nps()).isNaN();
        assertThat(winter.cesMean(7)).isNaN();
        assertThat(winter.cesScales()).isEmpty();
        assertThat(View.percent(winter.csatShare())).isEqualTo("—");
    }

    @Test
    void cesIsShownOnItsScaleAndTheDefinitionSaysWhich() {
        var result = new SurveyFigures(database.jdbi(), UTC).compute(NOVEMBER);
        Scores now = result.total().now();
        Scores before = result.total().before();
        assertThat(SurveySection.cesMeans(now, SurveySection.cesScales(now, before)))
                .isEqualTo("5.50 (1–7)");
        assertThat(SurveySection.cesMeans(before, SurveySection.cesScales(now, before)))
                .isEqualTo("— (1–7)");
        Scores nobody = result.by().get("survey").get("winter").now();
        assertThat(SurveySection.cesMeans(nobody, SurveySection.cesScales(nobody, nobody)))
                .isEqualTo("—");
        var texts = new Texts();
        assertThat(texts.get(dev.rapport.domain.Language.EN, "def.ces_mean")).contains("1–5 or 1–7");
        assertThat(texts.get(dev.rapport.domain.Language.ZH, "def.ces_mean")).contains("1–5 或 1–7");
    }

    @Test
    void anEmptyPeriodHasNoFiguresAndSaysSo() {
        Filter june = filter("from=2026-06-01", "to=2026-06-10");
        Scores now =
                new SurveyFigures(database.jdbi(), UTC).compute(june).total().now();
        assertThat(now.asked).isZero();
        assertThat(now.csatShare()).isNaN();
        assertThat(now.nps()).isNaN();
        assertThat(now.responseRate()).isNaN();
        var complaints =
                new ComplaintFigures(database.jdbi(), UTC).compute(june).now();
        assertThat(complaints.total().complaints).isZero();
        assertThat(complaints.total().breachRate()).isNaN();
        assertThat(complaints.times().firstResponseMedian()).isNaN();
    }

    @Test
    void filtersNarrowEveryFigure() {
        var result = new SurveyFigures(database.jdbi(), UTC)
                .compute(filter("from=2026-11-01", "to=2026-11-10", "tier=small", "tier=major"));
        assertThat(result.total().now().csatAnswers()).isEqualTo(3);
        assertThat(result.total().now().csatMean()).isEqualTo(7.0 / 3);
        var complaints = new ComplaintFigures(database.jdbi(), UTC)
                .compute(filter("from=2026-11-01", "to=2026-11-10", "category=delivery"))
                .now();
        assertThat(complaints.total().complaints).isEqualTo(2);
    }

    @Test
    void weeklyNpsTrend() {
        Map<LocalDate, Scores> weeks =
                new SurveyFigures(database.jdbi(), UTC).compute(NOVEMBER).weeks();
        assertThat(weeks).hasSize(SurveyFigures.TREND_WEEKS);
        assertThat(weeks.get(LocalDate.of(2026, 11, 2)).nps()).isEqualTo(0.0); // 10, 8, 3
        assertThat(weeks.get(LocalDate.of(2026, 10, 19)).nps()).isEqualTo(100.0); // 9 on Sunday 25 October
        assertThat(weeks.get(LocalDate.of(2026, 10, 26)).npsAnswers()).isZero();
        assertThat(weeks.get(LocalDate.of(2026, 11, 9)).csatAnswers()).isEqualTo(1); // CSAT 2 on the 9th
    }

    @Test
    void complaintFigures() {
        var comparison = new ComplaintFigures(database.jdbi(), UTC).compute(NOVEMBER);
        assertThat(comparison.before().total().complaints).isZero();
        var period = comparison.now();
        assertThat(period.total().complaints).isEqualTo(3);
        assertThat(period.byCategory().get("delivery").complaints).isEqualTo(2);
        assertThat(period.byCategory().get("product").complaints).isEqualTo(1);
        assertThat(period.byStatus()).containsOnlyKeys("closed", "reopened", "open");
        // First responses 60 and 600 min: median 330, p90 60 + 0.9 × 540.
        assertThat(period.times().responded()).isEqualTo(2);
        assertThat(period.times().firstResponseMedian()).isCloseTo(330, within(0.01));
        assertThat(period.times().firstResponseP90()).isCloseTo(546, within(0.01));
        // Resolutions 180 and 1440 min.
        assertThat(period.times().resolutionMedian()).isCloseTo(810, within(0.01));
        assertThat(period.times().resolutionP90()).isCloseTo(1314, within(0.01));
        assertThat(period.total().breachRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(period.byTier().get("major").breachRate()).isEqualTo(1.0);
        assertThat(period.byTier().get("key").breachRate()).isEqualTo(0.0);
        // Two follow-ups answered, one reopened; one customer rated the follow-up 5.
        assertThat(period.total().followedUp).isEqualTo(2);
        assertThat(period.total().reopenRate()).isEqualTo(0.5);
        assertThat(period.total().recovered).isEqualTo(1);
    }

    @Test
    void offerAndWinbackFigures() {
        var result = new OfferFigures(database.jdbi(), UTC).compute(NOVEMBER);
        assertThat(result.offers())
                .extracting(row -> row.offer() + "/" + row.tier() + " " + row.issued() + " " + row.redeemed() + " "
                        + row.budgetUsed().stripTrailingZeros().toPlainString())
                .containsExactly("major_thanks/major 1 1 20", "spring_sale/key 1 1 10", "spring_sale/small 1 0 10");
        assertThat(result.offers().get(2).conversion()).isEqualTo(0.0);
        assertThat(result.winbackByReason().get("price").wonBackRate()).isEqualTo(0.5);
        assertThat(result.winbackByReason().get("service").count("open")).isEqualTo(1);
        assertThat(result.winbackByReason().get("service").wonBackRate()).isNaN();
        assertThat(result.winbackByTier().get("small").wonBackRate()).isEqualTo(1.0);
    }

    @Test
    void tierFiguresAndMovements() {
        var result = new TierFigures(database.jdbi(), UTC).compute(NOVEMBER);
        assertThat(result.tiers())
                .extracting(row -> row.tier() + " " + row.customers() + " "
                        + row.value().stripTrailingZeros().toPlainString())
                .containsExactly("key 1 100", "major 1 0", "small 1 0");
        assertThat(result.movements()).containsExactly(new TierFigures.Movement("2026-11", "small", "key", 1));
    }

    @Test
    void peopleFiguresByReasonAndAgent() {
        var people = new PeopleFigures(database.jdbi(), UTC).compute(NOVEMBER).orElseThrow();
        // First reasons: asked_for_person (claimed after 5 and 20 min, first replies after 10 and 30), complaint
        // (waiting).
        assertThat(people.reasons())
                .extracting(row -> row.reason() + " " + row.handoffs() + " " + row.waitingMedian() + " "
                        + row.firstResponseMedian())
                .containsExactly("asked_for_person 2 12.5 20.0", "complaint 1 NaN NaN");
        assertThat(people.agents())
                .extracting(row -> row.agent() + " " + row.handoffs() + " " + row.firstResponseMedian() + " "
                        + row.csatAnswers() + " " + row.csatMean())
                .containsExactly("Lena 1 10.0 1 4.0", "Wei 1 30.0 1 2.0");
        assertThat(new PeopleFigures(database.jdbi(), UTC)
                        .compute(filter("from=2026-06-01", "to=2026-06-10"))
                        .orElseThrow()
                        .reasons())
                .isEmpty();
    }

    @Test
    void alertsListTheNewestDetractorsAndLowCsat() {
        var alerts = new Alerts(database.jdbi()).recent(Instant.parse("2026-11-10T12:00:00Z"));
        assertThat(alerts)
                .extracting(alert -> alert.type() + " " + alert.score())
                .containsExactly("csat 2", "nps 3", "csat 1");
        assertThat(alerts.get(0).answerId()).isEqualTo(fixture.answerR4Csat);
    }

    @Test
    void freeTextNewestFirstAndNegativeTerms() {
        var result = new FreeText(database.jdbi(), UTC).compute(NOVEMBER);
        assertThat(result.newest()).extracting(FreeText.Answer::sentiment).containsExactly("negative", "positive");
        assertThat(result.negativeAnswers()).isEqualTo(1);
    }

    @Test
    void drillDownRowsMatchTheFigures() {
        var sets = new RowSets(UTC);
        var reader = new RowReader(database.jdbi(), UTC);
        var low = reader.first(sets.get("answers"), NOVEMBER, Map.of("type", "csat", "min", "1", "max", "2"), 100);
        assertThat(low).extracting(RowReader.Row::id).containsExactly(fixture.answerR4Csat, fixture.answerR3Csat);
        assertThat(reader.first(sets.get("tickets"), NOVEMBER, Map.of("breached", "1"), 100))
                .hasSize(1);
        assertThat(reader.first(sets.get("tickets"), NOVEMBER, Map.of("reopened", "1"), 100))
                .hasSize(1);
        assertThat(reader.first(sets.get("winback"), NOVEMBER, Map.of("reason", "price"), 100))
                .hasSize(2);
        assertThat(reader.first(sets.get("movements"), NOVEMBER, Map.of(), 100)).hasSize(1);
        assertThat(reader.first(sets.get("handoffs"), NOVEMBER, Map.of("reason", "asked_for_person"), 100))
                .hasSize(2);
        assertThat(reader.first(sets.get("handoffs"), NOVEMBER, Map.of("agent", "Lena"), 100))
                .hasSize(1);
    }

    @Test
    void theTranscriptHoldsMessagesTicketNotesAndAnswersInOrder() {
        var transcript = new Transcripts(database.jdbi()).of(fixture.key).orElseThrow();
        assertThat(transcript.entries())
                .extracting(Transcripts.Entry::who)
                .containsExactly(
                        "answer",
                        "answer",
                        "customer",
                        "bot",
                        "note",
                        "note",
                        "note",
                        "answer",
                        "answer",
                        "answer",
                        "answer");
        assertThat(transcript.entries().get(4))
                .extracting(Transcripts.Entry::staff, Transcripts.Entry::text)
                .containsExactly("Lena", "Called back, all fine");
        assertThat(new Transcripts(database.jdbi()).of(999_999)).isEmpty();
    }
}
