package dev.rapport.dashboard;

import dev.rapport.web.page.Markup;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Free-text answers of a view: the newest ones with their sentiment, and the words and phrases that
 * recur in the negative ones ({@link Terms}, over the newest {@value #NEGATIVE_SAMPLE} negative
 * answers of the period). Read-only; thread-safe.
 */
final class FreeText {

    static final int NEWEST = 15;
    static final int NEGATIVE_SAMPLE = 2000;

    record Answer(
            long id,
            long customerId,
            String customer,
            String tier,
            String language,
            String text,
            String sentiment,
            Instant at) {}

    record Result(List<Answer> newest, List<Terms.Term> negativeTerms, long negativeAnswers) {}

    private final Jdbi jdbi;
    private final ZoneId zone;

    FreeText(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    Result compute(Filter filter) {
        // An answer is given after its response started, so answers of responses started in the period were given
        // since its start: the redundant bound lets the newest-first index scans stop at the period's start
        // instead of walking every older answer (46,000 negative ones in a year).
        var where = new Where()
                .between("r.started_at", filter.start(zone), filter.end(zone))
                .responses("r", filter)
                .and("a.question_type = 'text' AND NOT a.skipped AND a.value IS NOT NULL")
                .compare("a.answered_at", ">=", ComplaintFigures.utc(filter.start(zone)));
        return Reads.of(jdbi, handle -> {
            var newest = where.bind(handle.createQuery("""
                            SELECT a.id, r.customer_id, coalesce(c.name, '#' || c.id) AS customer, r.tier, r.language, a.value,
                                   a.sentiment, a.answered_at
                            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                            JOIN customers c ON c.id = r.customer_id
                            WHERE %s ORDER BY a.answered_at DESC, a.id DESC LIMIT :limit""".formatted(where.sql())))
                    .bind("limit", NEWEST)
                    .map((rs, ctx) -> new Answer(
                            rs.getLong("id"),
                            rs.getLong("customer_id"),
                            rs.getString("customer"),
                            rs.getString("tier"),
                            rs.getString("language"),
                            rs.getString("value"),
                            rs.getString("sentiment"),
                            rs.getObject("answered_at", OffsetDateTime.class).toInstant()))
                    .list();
            List<String> negative = where.bind(handle.createQuery("""
                            SELECT a.value FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                            WHERE %s AND a.sentiment = 'negative' ORDER BY a.answered_at DESC LIMIT :limit""".formatted(where.sql())))
                    .bind("limit", NEGATIVE_SAMPLE)
                    .mapTo(String.class)
                    .list();
            return new Result(newest, Terms.recurring(negative, 30), negative.size());
        });
    }

    static Markup render(View view, Filter filter, Result result) {
        String q = filter.query();
        var items = new java.util.ArrayList<Markup>();
        for (Answer answer : result.newest()) {
            items.add(Markup.of(
                    """
                            <li class="answer sentiment-{}"><span class="muted">{} · <a href="/dashboard/transcripts/{}?answer={}">{}</a> · {} · {}</span>
                            <q>{}</q> <span class="badge">{}</span></li>""",
                    answer.sentiment() == null ? "none" : answer.sentiment(),
                    view.when(answer.at()),
                    answer.customerId(),
                    answer.id(),
                    answer.customer(),
                    view.word("tier", answer.tier()),
                    view.word("language", answer.language()),
                    answer.text(),
                    view.word("sentiment", answer.sentiment())));
        }
        var terms = new java.util.ArrayList<Markup>();
        for (Terms.Term term : result.negativeTerms()) {
            terms.add(Markup.of(
                    "<li><span class=\"term\">{}</span> <span class=\"muted\">×{}</span></li>",
                    term.text(),
                    term.answers()));
        }
        return Markup.of(
                """
                        <section class="block" id="free-text"><h2>{}</h2>
                        <div class="columns"><div><h3>{}</h3>{}<p><a href="{}">{}</a> · <a href="{}">{}</a></p></div>
                        <div><h3>{}</h3>{}<p><a href="{}">{}</a></p></div></div></section>""",
                view.t("section.free_text"),
                view.figure("text_answers"),
                items.isEmpty()
                        ? Markup.of("<p class=\"muted\">{}</p>", view.t("empty.period"))
                        : Markup.of("<ul class=\"answers\">{}</ul>", Markup.join(items)),
                SurveySection.rows("answers", q, "type=text"),
                view.t("rows.all"),
                SurveySection.rows("answers", q, "type=text").replace("/rows/answers?", "/rows/answers/csv?"),
                view.t("export.csv"),
                view.figure("negative_terms"),
                terms.isEmpty()
                        ? Markup.of("<p class=\"muted\">{}</p>", view.t("empty.terms"))
                        : Markup.of("<ol class=\"terms\" id=\"negative-terms\">{}</ol>", Markup.join(terms)),
                SurveySection.rows("answers", q, "type=text&sentiment=negative"),
                view.t("rows.negative", result.negativeAnswers()));
    }
}
