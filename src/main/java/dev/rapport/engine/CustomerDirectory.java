package dev.rapport.engine;

import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The engine's view of the customer records, implemented by the customer feature. All calls run in
 * the turn's transaction.
 */
public interface CustomerDirectory {

    /** The customer behind the message's chat, created on first contact; refreshes what the channel tells. */
    CustomerView resolve(Handle handle, InboundMessage message);

    /**
     * Reads the chats' customer records in one query, so that the first turn of each chat in an
     * inbox batch resolves its customer without a query of its own. By default nothing is read ahead.
     */
    default ReadAhead readAhead(Handle handle, List<String> channels, List<String> chatKeys) {
        return ReadAhead.NONE;
    }

    /**
     * What {@link #readAhead} read. The engine uses it for a chat's first turn only, and only while no
     * earlier turn of the batch concerned the customer read (a turn may change its customer's record
     * or link another chat to it); otherwise it calls {@link #resolve}. Used by one thread.
     */
    interface ReadAhead {

        /** True when the chat was read ahead; {@link #customerId} and {@link #resolve} then answer for it. */
        boolean covers(String channel, String chatKey);

        /** The customer the chat's record belonged to when read, or null when the chat had no record. */
        Long customerId(String channel, String chatKey);

        /** As {@link CustomerDirectory#resolve}, from what was read for the message's chat. */
        CustomerView resolve(Handle handle, InboundMessage message);

        ReadAhead NONE = new ReadAhead() {
            @Override
            public boolean covers(String channel, String chatKey) {
                return false;
            }

            @Override
            public Long customerId(String channel, String chatKey) {
                return null;
            }

            @Override
            public CustomerView resolve(Handle handle, InboundMessage message) {
                throw new IllegalStateException("nothing was read ahead for " + message.chatKey());
            }
        };
    }

    /** Records a language for the customer; {@code chosen} marks an explicit choice. */
    void setLanguage(Handle handle, long customerId, Language language, boolean chosen);

    /** The customer blocked ({@code true}) or unblocked the bot on this chat. */
    void setBlocked(Handle handle, Channel channel, String chatKey, boolean blocked);

    /**
     * The customer shared a phone number with the contact button: the directory may link the chat to
     * the customer with that number (merging the chat's own record into theirs). Returns the
     * customer the chat belongs to afterwards and the message key to answer with; the engine
     * continues the turn as that customer, in their language.
     */
    ContactOutcome contactShared(
            Handle handle, CustomerView current, InboundMessage message, Content.SharedContact contact);

    /**
     * @param customer   who the chat belongs to now (the same as before when nothing was linked)
     * @param outcome    a short word for the event ({@code linked}, {@code unknown}, ...)
     * @param messageKey what to tell the customer; must be declared to the flow loader
     */
    record ContactOutcome(CustomerView customer, String outcome, String messageKey) {}
}
