package dev.rapport.inbox;

import dev.rapport.channel.InboundMessage;

/**
 * Turns a stored update of one channel into what the engine handles. Channels register one each;
 * must be thread-safe and must not throw for odd but valid updates (return {@link Decoded.Ignore}).
 */
public interface UpdateDecoder {

    String channel();

    Decoded decode(long updateId, String chatKey, String payload);

    /** The result of decoding. */
    sealed interface Decoded {

        record Message(InboundMessage message) implements Decoded {}

        /** Valid, stored, and deliberately not acted on; {@code reason} is kept on the row. */
        record Ignore(String reason) implements Decoded {}
    }
}
