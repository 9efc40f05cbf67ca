package dev.rapport.engine;

import dev.rapport.channel.Button;
import dev.rapport.channel.InboundMessage;
import dev.rapport.channel.Reply;
import dev.rapport.domain.Language;
import dev.rapport.flow.Messages;
import dev.rapport.store.EventLog;
import dev.rapport.store.EventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * One turn in progress: the inbound message, the customer, the conversation, and the replies and
 * events it produces. Lives for one {@link Engine#handle} call on one thread.
 */
final class Turn implements ActionContext {

    final Handle handle;
    final InboundMessage message;
    final long inboxId;
    final Conversation conversation;
    final List<Reply> replies = new ArrayList<>();
    /** Written together at the end of the turn, in one statement. */
    final List<EventLog.Event> events = new ArrayList<>();

    private final Messages messages;
    private final String businessName;
    private CustomerView customer;
    private Language language;
    private Map<String, String> params = Map.of();
    private Reading reading = Reading.NONE;
    /** Where escalations go; set by the engine before the turn routes. */
    HandoffPort handoffs = HandoffPort.NONE;
    /** The chat's open handoff: open before the turn, or opened by it; null when the bot has the chat. */
    Long handoffId;
    /** The handoff this turn opened, whose notice ends the turn's replies; null when none opened. */
    HandoffPort.Escalated handedOver;
    /** The customer's message until it is logged (null once written, and for outreach). */
    private MessageLog.Inbound inbound;
    /** The customer's message's {@code messages} id once written alone; null before, and for outreach. */
    private Long inboundId;
    /** Why this turn's message marks the chat for a person (strongly negative), decided after routing; else null. */
    String negative;

    Turn(
            Handle handle,
            InboundMessage message,
            long inboxId,
            CustomerView customer,
            Conversation conversation,
            Messages messages,
            String businessName) {
        this.handle = handle;
        this.message = message;
        this.inboxId = inboxId;
        this.customer = customer;
        this.conversation = conversation;
        this.messages = messages;
        this.businessName = businessName;
        this.language = customer.language();
    }

    Language language() {
        return language;
    }

    /** The text of {@code key} in the customer's language, placeholders filled. */
    String text(String key) {
        return NameFallback.fill(messages.text(language.code(), key, vars()), this::fallbackName);
    }

    boolean hasText(String key) {
        return messages.has(language.code(), key);
    }

    void say(String key, List<List<Button>> buttons) {
        replies.add(new Reply.Text(text(key), buttons));
    }

    /** Says {@code key} with placeholders that belong to this message only, such as the kind of a photo. */
    @Override
    public void say(String key, Map<String, ?> extra) {
        replies.add(new Reply.Text(text(key, extra), List.of()));
    }

    @Override
    public String text(String key, Map<String, ?> extra) {
        var vars = vars();
        vars.putAll(extra);
        return NameFallback.fill(messages.text(language.code(), key, vars), this::fallbackName);
    }

    /** Holds the customer's message, to be written by {@link TurnEnd} or by {@link #inboundMessageId}. */
    void logInbound(MessageLog.Inbound row) {
        this.inbound = row;
    }

    /** The customer's message if still held, taking it (for {@link TurnEnd}); else null. */
    MessageLog.Inbound takeHeldInbound() {
        MessageLog.Inbound held = inbound;
        inbound = null;
        return held;
    }

    /**
     * Writes the customer's message now if it is still held, and returns its id; null for outreach.
     * Called before anything outside the engine gets the turn's transaction, since it may read the
     * message log (a complaint reads the message's sentiment, a handoff card the chat's last messages)
     * or move the customer's rows (a merge); the message's id stays below the ids of what follows.
     */
    Long inboundMessageId() {
        if (inbound != null) {
            inboundId = MessageLog.write(handle, inbound);
            inbound = null;
        }
        return inboundId;
    }

    @Override
    public boolean escalate(String reason, String detail) {
        inboundMessageId();
        var escalated = handoffs.escalate(
                handle,
                new HandoffPort.Escalation(message.channel().code(), message.chatKey(), customer, reason, detail));
        if (escalated.isEmpty() && handoffs != HandoffPort.NONE) {
            return false; // the handoff settings do not hand over for this reason (or this customer's tier)
        }
        String why = detail == null || detail.isBlank() ? reason : detail;
        if (conversation.escalationReason == null) {
            conversation.escalationReason = why;
        }
        event(
                EngineEvent.ESCALATION_REQUESTED,
                detail == null
                        ? Map.of("reason", why, "code", reason)
                        : Map.of("reason", why, "code", reason, "detail", detail));
        if (escalated.isEmpty()) {
            return false;
        }
        handoffId = escalated.get().handoffId();
        if (escalated.get().opened() && handedOver == null) {
            handedOver = escalated.get();
        }
        return true;
    }

    void answerButton(String callbackId, String key) {
        replies.add(new Reply.ButtonAnswer(callbackId, key == null ? null : text(key)));
    }

    private Map<String, Object> vars() {
        var vars = new HashMap<String, Object>(conversation.slots);
        String name = customer.name();
        vars.put("name", name == null || name.isBlank() ? NameFallback.MARK : name);
        vars.put("business", businessName);
        return vars;
    }

    private String fallbackName() {
        return messages.text(language.code(), "engine.customer_name_fallback", Map.of());
    }

    void withParams(Map<String, String> stepParams) {
        this.params = stepParams;
    }

    void reading(Reading read) {
        this.reading = read;
    }

    @Override
    public Reading reading() {
        return reading;
    }

    /** The turn's transaction, for actions: the customer's message is in the log by then. */
    @Override
    public Handle handle() {
        inboundMessageId();
        return handle;
    }

    @Override
    public CustomerView customer() {
        return customer;
    }

    void customer(CustomerView updated) {
        this.customer = updated;
        this.language = updated.language();
    }

    @Override
    public InboundMessage message() {
        return message;
    }

    @Override
    public Map<String, String> params() {
        return params;
    }

    @Override
    public String slot(String name) {
        return conversation.slots.get(name);
    }

    @Override
    public void setSlot(String name, String value) {
        conversation.slots.put(name, value);
    }

    @Override
    public void switchCustomer(CustomerView other) {
        customer(other);
        events.replaceAll(
                event -> new EventLog.Event(event.type(), event.channel(), event.chatKey(), other.id(), event.data()));
    }

    @Override
    public void useLanguage(Language newLanguage) {
        customer(customer.withLanguage(newLanguage, true));
    }

    @Override
    public void event(EventType type, Map<String, ?> data) {
        events.add(new EventLog.Event(
                type, message.channel().code(), message.chatKey(), customer.id(), new java.util.LinkedHashMap<>(data)));
    }
}
