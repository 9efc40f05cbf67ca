package dev.rapport.engine;

import dev.rapport.channel.Content;
import java.util.Map;

/**
 * The engine's part in handing a chat to a person: what a turn does while a person has the chat,
 * when a strongly negative message hands it over, and how a turn that opened a handoff ends.
 * Stateless apart from the port; thread-safe.
 */
final class WithPerson {

    private final HandoffPort handoffs;

    WithPerson(HandoffPort handoffs) {
        this.handoffs = handoffs;
    }

    /**
     * A strongly negative message that answers none of the bot's questions hands the chat to a
     * person. When it starts a dialogue that goes on (an angry complaint being taken down), the
     * handoff waits in slot {@value #PENDING_HANDOFF} until that dialogue ends: the customer is heard
     * out first. An answer to a question never escalates by its tone alone.
     */
    void negative(Turn turn, boolean answering) {
        if (handoffs == HandoffPort.NONE) {
            return;
        }
        String why = turn.negative != null && !answering ? turn.negative : null;
        if (why != null && turn.conversation.waiting()) {
            turn.setSlot(PENDING_HANDOFF, why);
            return;
        }
        if (why == null && !turn.conversation.waiting()) {
            why = turn.conversation.slots.remove(PENDING_HANDOFF);
        }
        if (why != null && turn.handoffId == null) {
            turn.escalate("strongly_negative", why);
        }
    }

    /** The slot holding why the chat goes to a person once the dialogue in progress ends. */
    static final String PENDING_HANDOFF = "pending_handoff";

    /** While a person has the chat only these reach the bot: /stop, and what says nothing back. */
    static boolean reachesBot(Content content) {
        return content instanceof Content.Command command && STOP.equals(command.name())
                || content instanceof Content.Outreach
                || content instanceof Content.Membership
                || content instanceof Content.Edited;
    }

    /**
     * This turn says a staff member's outreach while a person has the chat (a resolution note): it
     * offers no buttons, since the bot starts no flow from them until the chat is handed back.
     */
    static boolean staffOutreach(Turn turn) {
        return turn.handoffId != null
                && turn.message.content() instanceof Content.Outreach outreach
                && outreach.byStaff();
    }

    /** The one command that works while a person has the chat: opting out. */
    static final String STOP = "stop";

    /**
     * A person has the chat: the message (already logged) goes to them; the bot says nothing, runs no
     * flow and routes no intent. A button press is answered silently so the customer's app stops waiting.
     */
    void toPerson(Turn turn, Long messageId) {
        if (turn.message.content() instanceof Content.ButtonPress press) {
            turn.answerButton(press.callbackId(), null);
        }
        if (messageId != null) {
            handoffs.customerWrote(turn.handle, turn.handoffId, turn.customer().id(), messageId);
        }
    }

    /**
     * This turn handed the chat to a person: a dialogue in progress ends (the person takes it from
     * here), and the customer is told, last, that a person is coming and roughly when.
     */
    void handedOver(Turn turn) {
        HandoffPort.Escalated opened = turn.handedOver;
        if (opened == null) {
            return;
        }
        if (turn.conversation.flow != null) {
            turn.event(EngineEvent.FLOW_INTERRUPTED, Map.of("flow", turn.conversation.flow, "by", "handoff"));
            turn.conversation.leave();
        }
        turn.conversation.unknownStreak = 0;
        if (opened.noticeKey() != null) {
            turn.say(opened.noticeKey(), opened.noticeVars());
        }
    }
}
