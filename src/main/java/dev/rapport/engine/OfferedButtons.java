package dev.rapport.engine;

import dev.rapport.channel.Button;
import dev.rapport.channel.Reply;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The buttons Rapport has shown in a chat, by callback data ({@code offered_buttons}). A turn records
 * the buttons of its replies in its own transaction, so a button is pressable exactly when the
 * message carrying it is committed; a press of data never shown in that chat is not Rapport's
 * button and is treated as stale. Stateless; thread-safe.
 */
final class OfferedButtons {

    private OfferedButtons() {
    }

    static boolean wasOffered(Handle handle, String channel, String chatKey, String data) {
        return handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM offered_buttons
                                       WHERE channel = :channel AND chat_key = :chatKey AND data = :data)""")
                .bind("channel", channel).bind("chatKey", chatKey).bind("data", data)
                .mapTo(Boolean.class).one();
    }

    /** Records every button of {@code replies}; a button shown again keeps its row (its time is refreshed). */
    static void record(Handle handle, String channel, String chatKey, List<Reply> replies) {
        Set<String> data = new LinkedHashSet<>();
        for (Reply reply : replies) {
            if (reply instanceof Reply.Text text) {
                text.buttons().stream().flatMap(List::stream).map(Button::data).forEach(data::add);
            }
        }
        if (data.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("""
                INSERT INTO offered_buttons (channel, chat_key, data) VALUES (:channel, :chatKey, :data)
                ON CONFLICT (channel, chat_key, data) DO UPDATE SET offered_at = now()""");
        for (String value : data) {
            batch.bind("channel", channel).bind("chatKey", chatKey).bind("data", value).add();
        }
        batch.execute();
    }
}
