package dev.rapport.engine;

import dev.rapport.channel.InboundMessage;
import org.jdbi.v3.core.Handle;

/**
 * The engine's view of the customer records, implemented by the customer feature. All calls run in
 * the turn's transaction.
 */
public interface CustomerDirectory {

    /** The customer behind the message's chat, created on first contact; refreshes what the channel tells. */
    CustomerView resolve(Handle handle, InboundMessage message);

    /** Records a language for the customer; {@code chosen} marks an explicit choice. */
    void setLanguage(Handle handle, long customerId, String language, boolean chosen);

    /** The customer blocked ({@code true}) or unblocked the bot on this chat. */
    void setBlocked(Handle handle, String channel, String chatKey, boolean blocked);
}
