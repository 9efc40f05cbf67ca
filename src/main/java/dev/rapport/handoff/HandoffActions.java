package dev.rapport.handoff;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import java.util.List;
import java.util.Map;

/**
 * The actions flows call: {@code hand_to_person} (the customer asked for a person), {@code escalate}
 * (a flow hands over for the reason in its {@code reason} param, such as {@code cancel}), and
 * {@code handoff_review_csat} (the survey after a hand-back). Each returns {@code handed_over} when
 * the chat is with a person afterwards, else {@code unavailable} (the settings only record that
 * reason). Stateless; thread-safe.
 */
final class HandoffActions {

    static final String HANDED_OVER = "handed_over";
    static final String UNAVAILABLE = "unavailable";
    /** A CSAT at or below this after a hand-back opens a handoff for a manager. */
    static final int UNHAPPY = 2;

    private HandoffActions() {}

    static List<Action> all() {
        return List.of(
                new Named(
                        "hand_to_person", context -> outcome(context.escalate("asked_for_person", describe(context)))),
                new Named("escalate", context -> {
                    String reason = context.params().get("reason");
                    if (reason == null || reason.isBlank()) {
                        throw new IllegalStateException(
                                "action escalate needs params: {reason: <code from config/handoff.yaml>}");
                    }
                    return outcome(context.escalate(reason, context.params().get("detail")));
                }),
                new Named("handoff_review_csat", HandoffActions::reviewCsat));
    }

    private static String outcome(boolean handedOver) {
        return handedOver ? HANDED_OVER : UNAVAILABLE;
    }

    /** How the customer asked: the words they wrote, or the command or button. */
    private static String describe(ActionContext context) {
        String text = context.slot(dev.rapport.engine.Engine.STARTED_BY_TEXT);
        return text != null ? "wrote: " + text : "used the menu or /human";
    }

    /** Slots {@code handoff} (its id) and {@code csat} ("1".."5"): records the score; a low one goes to a manager. */
    private static String reviewCsat(ActionContext context) {
        Integer csat = score(context.slot("csat"));
        Long handoffId = id(context.slot("handoff"));
        if (csat == null || handoffId == null) {
            return "unknown";
        }
        var handle = context.handle();
        int rated = handle.createUpdate("UPDATE handoffs SET csat = :csat WHERE id = :id AND customer_id = :customerId")
                .bind("csat", csat)
                .bind("id", handoffId)
                .bind("customerId", context.customer().id())
                .execute();
        if (rated == 0) {
            return "unknown";
        }
        context.event(HandoffEvent.CSAT, Map.of("handoff_id", handoffId, "csat", csat));
        if (csat <= UNHAPPY) {
            context.escalate("low_handoff_csat", "CSAT " + csat + " after handoff #" + handoffId);
            return "unhappy";
        }
        return "happy";
    }

    private static Integer score(String answer) {
        try {
            int value = Integer.parseInt(answer == null ? "" : answer.strip());
            return value >= 1 && value <= 5 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long id(String text) {
        try {
            return text == null ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record Named(String name, java.util.function.Function<ActionContext, String> body) implements Action {
        @Override
        public String run(ActionContext context) {
            return body.apply(context);
        }
    }
}
