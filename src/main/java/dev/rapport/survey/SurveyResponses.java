package dev.rapport.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import dev.rapport.domain.Tier;
import dev.rapport.store.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code survey_responses} and {@code survey_answers} tables. Every method runs in the caller's
 * transaction (a turn's, or a job's). Stateless; thread-safe.
 */
final class SurveyResponses {

    private static final ObjectMapper JSON = Json.mapper();
    static final String MENU = "menu";

    enum Status {
        OPEN,
        COMPLETED,
        EXPIRED
    }

    /** A response as stored; {@code context} holds the slots its survey keeps (a ticket number). */
    record Response(
            long id,
            String surveyId,
            long customerId,
            String trigger,
            Status status,
            Instant startedAt,
            Map<String, String> context) {

        /** Open responses expire {@code expiry} after they were first shown, also before the job marks them. */
        boolean resumable(Duration expiry, Instant now) {
            return status == Status.OPEN && startedAt.plus(expiry).isAfter(now);
        }
    }

    /** Who is answering, as they are at the start: kept with the response for results by tier. */
    record Respondent(long customerId, Tier tier, Channel channel, String chatKey, Language language) {}

    private SurveyResponses() {}

    static Optional<Response> byId(Handle handle, long id) {
        return select(handle, "id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** The response to one survey for one trigger ({@code campaign:…}, {@code complaint:…}). */
    static Optional<Response> forTrigger(Handle handle, String surveyId, long customerId, String trigger) {
        return select(
                        handle,
                        "survey_id = :survey AND customer_id = :customer AND trigger = :trigger",
                        Map.of("survey", surveyId, "customer", customerId, "trigger", trigger))
                .stream()
                .findFirst();
    }

    /** The customer's most recent open response, of survey {@code surveyId} or (null) of any survey. */
    static Optional<Response> latestOpen(
            Handle handle, String surveyId, long customerId, Duration expiry, Instant now) {
        String survey = surveyId == null ? "" : " AND survey_id = :survey";
        var binds = new LinkedHashMap<String, Object>(Map.of("customer", customerId, "since", now.minus(expiry)));
        if (surveyId != null) {
            binds.put("survey", surveyId);
        }
        return select(handle, "customer_id = :customer AND status = 'open' AND started_at > :since" + survey, binds)
                .stream()
                .findFirst();
    }

    private static List<Response> select(Handle handle, String where, Map<String, Object> binds) {
        var query = handle.createQuery("""
                SELECT id, survey_id, customer_id, trigger, status, started_at, context::text AS context
                FROM survey_responses WHERE %s ORDER BY started_at DESC, id DESC""".formatted(where));
        binds.forEach(query::bind);
        return query.map(SurveyResponses::response).list();
    }

    /** A {@code survey_responses} row selected with the columns of {@link Response} and {@code context::text}. */
    private static Response response(ResultSet row, StatementContext context) throws SQLException {
        return new Response(
                row.getLong("id"),
                row.getString("survey_id"),
                row.getLong("customer_id"),
                row.getString("trigger"),
                Status.valueOf(row.getString("status").toUpperCase(java.util.Locale.ROOT)),
                row.getObject("started_at", OffsetDateTime.class).toInstant(),
                context(row.getString("context")));
    }

    /** A new open response; for a trigger that already has one, that one (a start repeated by a retried turn). */
    static Response create(
            Handle handle, String surveyId, String trigger, Respondent who, Map<String, String> context) {
        Optional<Long> id = handle.createQuery("""
                        INSERT INTO survey_responses (survey_id, customer_id, trigger, tier, channel, chat_key, language,
                                                      context)
                        VALUES (:survey, :customer, :trigger, :tier, :channel, :chatKey, :language, CAST(:context AS jsonb))
                        ON CONFLICT (survey_id, customer_id, trigger) WHERE trigger <> 'menu' DO NOTHING
                        RETURNING id""")
                .bind("survey", surveyId)
                .bind("customer", who.customerId())
                .bind("trigger", trigger)
                .bind("tier", who.tier())
                .bind("channel", who.channel())
                .bind("chatKey", who.chatKey())
                .bind("language", who.language())
                .bind("context", json(context))
                .mapTo(Long.class)
                .findOne();
        return id.flatMap(created -> byId(handle, created))
                .orElseGet(() ->
                        forTrigger(handle, surveyId, who.customerId(), trigger).orElseThrow());
    }

    /**
     * The answers given so far: question id → stored value ({@link SurveyFlow#SKIP} for a skipped one).
     * A multiple choice not yet confirmed is not among them ({@link #partialChoices}).
     */
    static Map<String, String> answers(Handle handle, long responseId) {
        Map<String, String> answers = new LinkedHashMap<>();
        handle.createQuery("SELECT question_id, value, skipped FROM survey_answers WHERE response_id = :id "
                        + "AND NOT partial ORDER BY id")
                .bind("id", responseId)
                .map((row, ctx) -> Map.entry(
                        row.getString("question_id"),
                        row.getBoolean("skipped") ? SurveyFlow.SKIP : row.getString("value")))
                .forEach(entry -> answers.put(entry.getKey(), entry.getValue()));
        return answers;
    }

    /** Multiple-choice questions answered in part: question id → the options chosen so far, comma-separated. */
    static Map<String, String> partialChoices(Handle handle, long responseId) {
        Map<String, String> chosen = new LinkedHashMap<>();
        handle.createQuery(
                        "SELECT question_id, value FROM survey_answers WHERE response_id = :id AND partial ORDER BY id")
                .bind("id", responseId)
                .map((row, ctx) -> Map.entry(row.getString("question_id"), row.getString("value")))
                .forEach(entry -> chosen.put(entry.getKey(), entry.getValue()));
        return chosen;
    }

    /** Keeps the options chosen so far on a multiple choice not yet confirmed; none chosen removes the row. */
    static void recordPartial(Handle handle, long responseId, String questionId, String chosen) {
        if (chosen.isEmpty()) {
            handle.createUpdate("DELETE FROM survey_answers WHERE response_id = :response AND question_id = :question "
                            + "AND partial")
                    .bind("response", responseId)
                    .bind("question", questionId)
                    .execute();
            return;
        }
        handle.createUpdate("""
                        INSERT INTO survey_answers (response_id, question_id, question_type, value, partial)
                        VALUES (:response, :question, 'multiple', :value, true)
                        ON CONFLICT (response_id, question_id) DO UPDATE SET value = excluded.value, answered_at = now()
                        WHERE survey_answers.partial""")
                .bind("response", responseId)
                .bind("question", questionId)
                .bind("value", chosen)
                .execute();
    }

    /**
     * One answer. Stored once per question: a repeated turn writes the same row again.
     *
     * @param scale the top of the scale a score was given on (CES 5 or 7, as the survey sets); null for other answers
     */
    record Answer(
            String questionId,
            QuestionType type,
            Integer score,
            String value,
            boolean skipped,
            String sentiment,
            Double sentimentScore,
            Integer scale) {}

    static void record(Handle handle, long responseId, Answer answer) {
        handle.createUpdate("""
                        INSERT INTO survey_answers (response_id, question_id, question_type, score, value, skipped,
                                                    sentiment, sentiment_score, scale)
                        VALUES (:response, :question, :type, :score, :value, :skipped, :sentiment, :sentimentScore, :scale)
                        ON CONFLICT (response_id, question_id) DO UPDATE
                        SET score = excluded.score, value = excluded.value, skipped = excluded.skipped, partial = false,
                            scale = excluded.scale,
                            sentiment = excluded.sentiment, sentiment_score = excluded.sentiment_score,
                            answered_at = now()""")
                .bind("response", responseId)
                .bind("question", answer.questionId())
                .bind("type", answer.type().word)
                .bind("score", answer.score())
                .bind("value", answer.value())
                .bind("skipped", answer.skipped())
                .bind("sentiment", answer.sentiment())
                .bind("sentimentScore", answer.sentimentScore())
                .bind("scale", answer.scale())
                .execute();
        handle.createUpdate("UPDATE survey_responses SET answered_at = now() WHERE id = :id")
                .bind("id", responseId)
                .execute();
    }

    static void finish(Handle handle, long responseId, Status status) {
        handle.createUpdate("""
                        UPDATE survey_responses SET status = :status, finished_at = now()
                        WHERE id = :id AND status = 'open'""")
                .bind("status", status.name().toLowerCase(java.util.Locale.ROOT))
                .bind("id", responseId)
                .execute();
    }

    /** Marks every open response older than {@code expiry} expired; returns them (id, survey, customer). */
    static List<Response> expireDue(Handle handle, Duration expiry, Instant now) {
        return handle.createQuery("""
                        UPDATE survey_responses SET status = 'expired', finished_at = now()
                        WHERE status = 'open' AND started_at <= :cutoff
                        RETURNING id, survey_id, customer_id, trigger, status, started_at, context::text AS context""")
                .bind("cutoff", now.minus(expiry))
                .map(SurveyResponses::response)
                .list();
    }

    private static Map<String, String> context(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("survey_responses.context is not a JSON object of texts: " + json, e);
        }
    }

    private static String json(Map<String, String> context) {
        try {
            return JSON.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
