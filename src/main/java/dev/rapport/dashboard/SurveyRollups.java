package dev.rapport.dashboard;

import java.time.ZoneId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily survey rollups ({@code survey_answers_daily}, {@code survey_responses_daily}, see
 * {@code V95__survey_rollups.sql}) and the weekly sums of the first ({@code survey_answers_weekly},
 * V101): triggers keep them equal to the raw rows in every writing
 * transaction; this class only makes sure their days are the business's days. A rollup's day is a
 * response's start in the zone recorded in {@code survey_rollup_zone}; when that is not this
 * Rapport's zone (the first start, or the zone was changed) they are rebuilt from the raw rows in one
 * transaction that holds off survey writers meanwhile (a few seconds per million answers), so a
 * reader never sees half a rebuild. Thread-safe.
 */
final class SurveyRollups {

    private static final Logger log = LoggerFactory.getLogger(SurveyRollups.class);

    private final Jdbi jdbi;
    private final ZoneId zone;

    SurveyRollups(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** Rebuilds the rollups if they were built in another zone (checked at each read: one primary-key probe). */
    void ensureZone(Handle handle) {
        String stored = handle.createQuery("SELECT zone FROM survey_rollup_zone")
                .mapTo(String.class)
                .one();
        if (!stored.equals(zone.getId())) {
            rebuild();
        }
    }

    void ensureZone() {
        jdbi.useHandle(this::ensureZone);
    }

    /** Recounts both rollups from the raw rows in this Rapport's zone. */
    void rebuild() {
        long started = System.nanoTime();
        jdbi.useTransaction(handle -> {
            // Writers of answers and responses wait until the rebuild commits; their triggers then read the new zone.
            handle.execute("LOCK TABLE survey_responses, survey_answers IN SHARE MODE");
            String stored = handle.createQuery("SELECT zone FROM survey_rollup_zone FOR UPDATE")
                    .mapTo(String.class)
                    .one();
            if (stored.equals(zone.getId())) {
                return; // another instance rebuilt them meanwhile
            }
            handle.execute("DELETE FROM survey_answers_daily");
            // Its trigger has brought every week to zero; the re-inserted days add their weeks back.
            handle.execute("DELETE FROM survey_answers_weekly");
            handle.execute("DELETE FROM survey_responses_daily");
            handle.createUpdate("""
                            INSERT INTO survey_responses_daily
                            SELECT (started_at AT TIME ZONE :zone)::date, survey_id, tier, channel, language, count(*),
                                   count(*) FILTER (WHERE status = 'completed')
                            FROM survey_responses GROUP BY 1, 2, 3, 4, 5""").bind("zone", zone.getId()).execute();
            handle.createUpdate("""
                            INSERT INTO survey_answers_daily
                            SELECT (r.started_at AT TIME ZONE :zone)::date, r.survey_id, r.tier, r.channel, r.language,
                                   a.question_type, survey_answer_scale(a.question_type, a.scale), a.score, count(*)
                            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                            WHERE a.question_type IN ('csat', 'nps', 'ces') AND a.score IS NOT NULL AND NOT a.skipped
                            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8""").bind("zone", zone.getId()).execute();
            handle.createUpdate("UPDATE survey_rollup_zone SET zone = :zone")
                    .bind("zone", zone.getId())
                    .execute();
            log.info(
                    "Survey rollups rebuilt for time zone {} (they were in {}) in {} ms",
                    zone.getId(),
                    stored,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }
}
