package dev.rapport.engine;

import dev.rapport.channel.InboundMessage;
import dev.rapport.domain.Language;
import dev.rapport.store.EventType;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** What an {@link Action} may see and do during a turn. Valid only during the call. */
public interface ActionContext {

    /** The turn's transaction. */
    Handle handle();

    CustomerView customer();

    InboundMessage message();

    /**
     * What Rapport read in this turn's message: language, intent and sentiment (a free-text answer's
     * sentiment, say). {@link Reading#NONE} when the message was no text (a button, a command, an
     * outreach).
     */
    Reading reading();

    /** The step's {@code params} from the flow file. */
    Map<String, String> params();

    /** A value the dialogue collected (an ask step's slot), or null. */
    String slot(String name);

    void setSlot(String name, String value);

    /**
     * The chat now belongs to {@code customer} (a link merged the chat's record into an imported
     * customer's): the rest of the turn — conversation, replies, and the events of this turn,
     * including those recorded before the call — is kept for them, in their language.
     */
    void switchCustomer(CustomerView customer);

    /** Speaks {@code language} for the rest of the turn (the action persists the choice itself). */
    void useLanguage(Language language);

    /** Records an event in the turn's transaction, tagged with the chat and customer. */
    void event(EventType type, Map<String, ?> data);

    /**
     * The text of message {@code key} in the customer's language, with the dialogue's slots and
     * {@code vars} filled in: for actions that compose a text (a list of tickets, say) into a slot.
     * Keys an action uses must be declared to the loader so start-up checks both languages have them.
     */
    String text(String key, Map<String, ?> vars);

    /** Sends message {@code key} (slots and {@code vars} filled in) as part of this turn's replies. */
    void say(String key, Map<String, ?> vars);

    /**
     * Hands the chat to a person for {@code reason}, a code from {@code config/handoff.yaml}
     * ({@code asked_for_person}, {@code winback}, {@code low_followup_csat}, {@code cancel}, ...), with
     * {@code detail} saying what happened (may be null). Recorded on the conversation and as an
     * event; when the settings say the reason escalates for this customer's tier, a handoff opens
     * (or the reason is added to the open one) in this turn's transaction and the customer is told,
     * at the end of the turn, that a person is coming. Returns true when the chat is with a person
     * afterwards.
     */
    boolean escalate(String reason, String detail);

    /** {@link #escalate(String, String)} for a reason the settings do not name: handed over with normal priority. */
    default void escalate(String description) {
        escalate("other", description);
    }
}
