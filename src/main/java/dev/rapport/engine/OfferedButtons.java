package dev.rapport.engine;

import org.jdbi.v3.core.Handle;

/**
 * The buttons Rapport has shown in a chat, by callback data ({@code offered_buttons}). A turn records
 * the buttons of its replies in its own transaction ({@link TurnEnd}), so a button is pressable exactly when the
 * message carrying it is committed; a press of data never shown in that chat is not Rapport's
 * button and is treated as stale. Stateless; thread-safe.
 */
final class OfferedButtons {

    private OfferedButtons() {}

    static boolean wasOffered(Handle handle, String channel, String chatKey, String data) {
        return handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM offered_buttons
                                       WHERE channel = :channel AND chat_key = :chatKey AND data = :data)""")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .bind("data", data)
                .mapTo(Boolean.class)
                .one();
    }
}
