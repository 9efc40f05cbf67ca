package dev.rapport.engine;

import dev.rapport.channel.InboundMessage;
import dev.rapport.store.EventType;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** What an {@link Action} may see and do during a turn. Valid only during the call. */
public interface ActionContext {

    /** The turn's transaction. */
    Handle handle();

    CustomerView customer();

    InboundMessage message();

    /** The step's {@code params} from the flow file. */
    Map<String, String> params();

    /** A value the dialogue collected (an ask step's slot), or null. */
    String slot(String name);

    void setSlot(String name, String value);

    /** Speaks {@code language} for the rest of the turn (the action persists the choice itself). */
    void useLanguage(String language);

    /** Records an event in the turn's transaction, tagged with the chat and customer. */
    void event(EventType type, Map<String, ?> data);
}
