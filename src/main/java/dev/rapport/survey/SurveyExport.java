package dev.rapport.survey;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Every answer of one survey as CSV (RFC 4180: comma-separated, double quotes around fields that
 * need them, CRLF line ends), one row per answer with its response's trigger, tier, channel and
 * language at the time. A multiple choice the customer left before "Done" is exported with the options
 * chosen so far and {@code partial} true, never as skipped. Read-only; streams rows as it reads them. Stateless; thread-safe.
 */
public final class SurveyExport {

    static final List<String> COLUMNS = List.of("response_id", "survey", "trigger", "status", "customer_id", "tier",
            "channel", "language", "started_at", "question", "type", "score", "value", "skipped", "sentiment",
            "sentiment_score", "answered_at", "partial");

    private SurveyExport() {
    }

    /**
     * Writes the header and every answer, oldest response first; returns the number of answers. Times
     * are in the business's time zone {@code zone}, with its offset written ({@code 2026-03-01T09:30:00+08:00}).
     */
    public static int csv(Jdbi jdbi, String surveyId, OffsetDateTime since, java.time.ZoneId zone, PrintWriter out) {
        OffsetDateTime from = since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : since;
        out.print(String.join(",", COLUMNS) + "\r\n");
        int rows = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT r.id, r.survey_id, r.trigger, r.status, r.customer_id, r.tier, r.channel, r.language,
                               r.started_at, a.question_id, a.question_type, a.score, a.value, a.skipped, a.sentiment,
                               a.sentiment_score, a.answered_at, a.partial
                        FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                        WHERE r.survey_id = :survey AND r.started_at >= :since
                        ORDER BY r.started_at, r.id, a.id""")
                .bind("survey", surveyId).bind("since", from)
                .map((rs, ctx) -> {
                    StringBuilder line = new StringBuilder();
                    for (int column = 1; column <= COLUMNS.size(); column++) {
                        Object value = rs.getObject(column);
                        if (value instanceof java.sql.Timestamp timestamp) {
                            value = timestamp.toInstant().atZone(zone).toOffsetDateTime()
                                    .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                        } else if (value instanceof OffsetDateTime time) {
                            value = time.atZoneSameInstant(zone).toOffsetDateTime()
                                    .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                        }
                        line.append(column > 1 ? "," : "").append(field(value == null ? "" : value.toString()));
                    }
                    out.print(line.append("\r\n"));
                    return 1;
                })
                .list().size());
        out.flush();
        return rows;
    }

    static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
