package dev.rapport.engine;

import dev.rapport.store.EventType;

/** Events the engine records. */
enum EngineEvent implements EventType {
    FLOW_STARTED("flow.started"),
    FLOW_FINISHED("flow.finished"),
    FLOW_INTERRUPTED("flow.interrupted"),
    STEP_LIMIT("turn.step_limit"),
    STALE_BUTTON("turn.stale_button"),
    UNKNOWN_INPUT("turn.unknown_input"),
    INVALID_ANSWER("turn.invalid_answer"),
    TYPED_ANSWER("turn.typed_answer"),
    FLOW_PAUSED("flow.paused"),
    FLOW_RESUMED("flow.resumed"),
    ESCALATION_SIGNAL("conversation.escalation_signal"),
    ESCALATION_REQUESTED("conversation.escalation_requested"),
    MESSAGE_EDITED("message.edited"),
    MEDIA_RECEIVED("message.media"),
    CONTACT_SHARED("customer.contact_shared"),
    BOT_BLOCKED("customer.blocked_bot"),
    BOT_UNBLOCKED("customer.unblocked_bot"),
    OUTREACH("outreach.started"),
    OUTREACH_DROPPED("outreach.dropped"),
    OUTREACH_WAITING("outreach.waiting");

    private final String type;

    EngineEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
