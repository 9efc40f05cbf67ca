package dev.rapport.survey;

import dev.rapport.store.CsvWriter;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Every answer of one survey as CSV ({@link CsvWriter}: RFC 4180, a byte-order mark, no formulas),
 * one row per answer with its response's trigger, tier, channel and language at the time. Times are in
 * the business's time zone with the offset written ({@code 2026-03-01T09:30:00+08:00}). A multiple
 * choice the customer left before "Done" is exported with the options chosen so far and
 * {@code partial} true, never as skipped. Read-only; streams rows as it reads them. Stateless; thread-safe.
 */
public final class SurveyExport {

    static final List<String> COLUMNS = List.of(
            "response_id",
            "survey",
            "trigger",
            "status",
            "customer_id",
            "tier",
            "channel",
            "language",
            "started_at",
            "question",
            "type",
            "score",
            "value",
            "skipped",
            "sentiment",
            "sentiment_score",
            "answered_at",
            "partial");

    private SurveyExport() {}

    /** Writes the header and every answer, oldest response first; returns the number of answers. */
    public static int csv(Jdbi jdbi, String surveyId, OffsetDateTime since, ZoneId zone, PrintWriter out) {
        OffsetDateTime from = since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : since;
        var csv = new CsvWriter(out, COLUMNS);
        int rows = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT r.id, r.survey_id, r.trigger, r.status, r.customer_id, r.tier, r.channel, r.language,
                               r.started_at, a.question_id, a.question_type, a.score, a.value, a.skipped, a.sentiment,
                               a.sentiment_score, a.answered_at, a.partial
                        FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                        WHERE r.survey_id = :survey AND r.started_at >= :since
                        ORDER BY r.started_at, r.id, a.id""")
                .bind("survey", surveyId)
                .bind("since", from)
                .map((rs, ctx) -> {
                    var values = new java.util.ArrayList<Object>(COLUMNS.size());
                    for (int column = 1; column <= COLUMNS.size(); column++) {
                        values.add(zoned(rs.getObject(column), zone));
                    }
                    csv.row(values);
                    return 1;
                })
                .list()
                .size());
        csv.flush();
        return rows;
    }

    /** A time as text in {@code zone} with its offset; anything else as it is. */
    private static Object zoned(Object value, ZoneId zone) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof OffsetDateTime time) {
            return time.atZoneSameInstant(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return value;
    }
}
