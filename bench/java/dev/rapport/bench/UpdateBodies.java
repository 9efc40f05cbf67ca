package dev.rapport.bench;

import dev.rapport.it.Updates;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Private-chat text updates exactly as {@link Updates#text} writes them, filled in from a template
 * so the generator spends next to no time building bodies. Immutable; thread-safe.
 */
final class UpdateBodies {

    private static final long UPDATE_MARK = 1_987_654_321L;
    private static final long CHAT_MARK = 7_770_007_770_007L;

    private final List<String> literals = new ArrayList<>();
    private final List<Boolean> updateSlots = new ArrayList<>(); // after literal i: update id (true) or chat id

    UpdateBodies(String text) {
        String template = Updates.text(UPDATE_MARK, CHAT_MARK, text);
        String update = Long.toString(UPDATE_MARK);
        String chat = Long.toString(CHAT_MARK);
        int from = 0;
        while (true) {
            int nextUpdate = template.indexOf(update, from);
            int nextChat = template.indexOf(chat, from);
            if (nextUpdate < 0 && nextChat < 0) {
                break;
            }
            boolean isUpdate = nextChat < 0 || (nextUpdate >= 0 && nextUpdate < nextChat);
            int at = isUpdate ? nextUpdate : nextChat;
            literals.add(template.substring(from, at));
            updateSlots.add(isUpdate);
            from = at + (isUpdate ? update : chat).length();
        }
        literals.add(template.substring(from));
        String check = build(42, 4242);
        if (!check.equals(Updates.text(42, 4242, text))) {
            throw new IllegalStateException("The update template does not reproduce Updates.text: " + check);
        }
    }

    byte[] body(long updateId, long chatId) {
        return build(updateId, chatId).getBytes(StandardCharsets.UTF_8);
    }

    private String build(long updateId, long chatId) {
        var body = new StringBuilder(400);
        for (int i = 0; i < updateSlots.size(); i++) {
            body.append(literals.get(i)).append(updateSlots.get(i) ? updateId : chatId);
        }
        return body.append(literals.get(literals.size() - 1)).toString();
    }
}
