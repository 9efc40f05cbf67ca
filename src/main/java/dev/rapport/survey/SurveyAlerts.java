package dev.rapport.survey;

import dev.rapport.engine.ActionContext;
import dev.rapport.engine.HandoffPort;
import dev.rapport.store.LiveEvents;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Unhappy answers reach people the moment they are given: an NPS detractor (0–6) or a CSAT of 1–2.
 * In the answer's own transaction (so nothing is announced for an answer that is rolled back) it
 * records a {@code survey.unhappy_answer} event, tells every console on topic {@value #TOPIC} (kind
 * {@value #KIND}; ids and the score only), and, when the customer has an open handoff in any chat,
 * adds an internal note to it so the person who has the customer sees it in the conversation.
 * {@link #recent} is what the console lists. Stateless; thread-safe.
 */
public final class SurveyAlerts {

    static final String TOPIC = "console";
    public static final String KIND = "survey.unhappy_answer";

    /** An unhappy answer as the console lists it. */
    public record Alert(
            long answerId,
            long customerId,
            String customerName,
            String tier,
            String survey,
            String type,
            int score,
            int scale,
            Instant at) {}

    private final Supplier<HandoffPort> handoffs;

    SurveyAlerts(Supplier<HandoffPort> handoffs) {
        this.handoffs = handoffs;
    }

    /** NPS 0–6 (a detractor) or CSAT 1–2. */
    static boolean unhappy(QuestionType type, int score) {
        return type == QuestionType.NPS && score <= 6 || type == QuestionType.CSAT && score <= 2;
    }

    /** Called right after the answer was stored, in the turn's transaction. */
    void answered(ActionContext context, long responseId, Survey survey, Survey.Question question, int score) {
        if (!unhappy(question.type(), score)) {
            return;
        }
        var handle = context.handle();
        long customerId = context.customer().id();
        long answerId = handle.createQuery(
                        "SELECT id FROM survey_answers WHERE response_id = :response AND question_id = :question")
                .bind("response", responseId)
                .bind("question", question.id())
                .mapTo(Long.class)
                .one();
        var data = new LinkedHashMap<String, Object>();
        data.put("alert", "survey");
        data.put("survey", survey.id());
        data.put("question_type", question.type().word);
        data.put("score", score);
        data.put("scale", question.top());
        data.put("answer_id", answerId);
        context.event(SurveyEvent.UNHAPPY, data);
        String note = "Survey alert: " + question.type().word.toUpperCase(java.util.Locale.ROOT) + " " + score + " of "
                + question.top() + " in survey " + survey.id() + ". The customer is unhappy; follow up today.";
        var handoff = handoffs.get().noteForCustomer(handle, customerId, note, data);
        var notice = new LinkedHashMap<String, Object>();
        notice.put("kind", KIND);
        notice.put("customer_id", customerId);
        notice.put("answer_id", answerId);
        notice.put("question_type", question.type().word);
        notice.put("score", score);
        handoff.ifPresent(id -> notice.put("handoff_id", id));
        LiveEvents.publish(handle, TOPIC, notice);
    }

    /** The newest unhappy answers given since {@code since}, newest first. */
    public static List<Alert> recent(Jdbi jdbi, Instant since, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.id, r.customer_id, c.name, r.tier, r.survey_id, a.question_type, a.score,
                               survey_answer_scale(a.question_type, a.scale) AS scale, a.answered_at
                        FROM (SELECT * FROM (SELECT id, response_id, question_type, score, scale, answered_at FROM survey_answers
                                             WHERE question_type = 'nps' AND answered_at >= :since AND score <= 6
                                               AND NOT skipped ORDER BY answered_at DESC LIMIT :limit) n
                              UNION ALL
                              SELECT * FROM (SELECT id, response_id, question_type, score, scale, answered_at FROM survey_answers
                                             WHERE question_type = 'csat' AND answered_at >= :since AND score <= 2
                                               AND NOT skipped ORDER BY answered_at DESC LIMIT :limit) s) a
                        JOIN survey_responses r ON r.id = a.response_id
                        JOIN customers c ON c.id = r.customer_id
                        ORDER BY a.answered_at DESC, a.id DESC LIMIT :limit""")
                .bind("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .bind("limit", limit)
                .map((rs, ctx) -> new Alert(
                        rs.getLong("id"),
                        rs.getLong("customer_id"),
                        rs.getString("name"),
                        rs.getString("tier"),
                        rs.getString("survey_id"),
                        rs.getString("question_type"),
                        rs.getInt("score"),
                        rs.getInt("scale"),
                        rs.getObject("answered_at", OffsetDateTime.class).toInstant()))
                .list());
    }
}
