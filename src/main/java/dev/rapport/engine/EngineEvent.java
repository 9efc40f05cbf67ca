package dev.rapport.engine;

import dev.rapport.store.EventType;
import java.util.Set;

/** Events the engine records. */
enum EngineEvent implements EventType {
    FLOW_STARTED("flow.started", "flow", "from"),
    FLOW_FINISHED("flow.finished", "flow"),
    FLOW_INTERRUPTED("flow.interrupted", "flow", "by"),
    STEP_LIMIT("turn.step_limit", "flow", "step", "limit"),
    STALE_BUTTON("turn.stale_button", "offered"),
    UNKNOWN_INPUT("turn.unknown_input", "streak"),
    INVALID_ANSWER("turn.invalid_answer", "flow", "step"),
    TYPED_ANSWER("turn.typed_answer", "flow", "step", "value"),
    FLOW_PAUSED("flow.paused", "flow", "step", "by"),
    FLOW_RESUMED("flow.resumed", "flow", "step"),
    ESCALATION_SIGNAL("conversation.escalation_signal", "score", "intent"),
    ESCALATION_REQUESTED("conversation.escalation_requested"),
    MESSAGE_EDITED("message.edited"),
    MEDIA_RECEIVED("message.media", "kind", "kept"),
    CONTACT_SHARED("customer.contact_shared", "outcome"),
    BOT_BLOCKED("customer.blocked_bot"),
    BOT_UNBLOCKED("customer.unblocked_bot"),
    OUTREACH("outreach.started", "key", "flow", "waited"),
    OUTREACH_DROPPED("outreach.dropped", "key", "flow"),
    OUTREACH_WAITING("outreach.waiting", "key", "flow", "behind");

    private final String type;
    private final Set<String> plain;

    /** @param plain the data keys that never hold what a person wrote or who they are; any other key is personal */
    EngineEvent(String type, String... plain) {
        this.type = type;
        this.plain = Set.of(plain);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<String> plainKeys() {
        return plain;
    }
}
