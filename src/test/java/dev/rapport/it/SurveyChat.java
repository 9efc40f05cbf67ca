package dev.rapport.it;

import dev.rapport.channel.telegram.FakeTelegramApi;
import java.util.ArrayList;
import java.util.List;

/**
 * One customer's chat in a survey test: each step says or presses something and waits for the
 * number of replies it should bring, so a missing or extra reply fails the step that caused it.
 */
final class SurveyChat {

    private final RunningRapport rapport;
    final long chat;
    private final String languageCode;
    private int received;

    SurveyChat(RunningRapport rapport, long chat, String languageCode) {
        this.rapport = rapport;
        this.chat = chat;
        this.languageCode = languageCode;
    }

    /** Sends a text (or a /command) and returns the {@code replies} texts it brought. */
    List<String> say(String text, int replies) {
        rapport.say(chat, text, languageCode, received + replies);
        return take(replies);
    }

    /** Presses a button by its callback data and returns the {@code replies} texts it brought. */
    List<String> press(String data, int replies) {
        rapport.press(chat, data, received + replies);
        return take(replies);
    }

    /** Waits for {@code replies} more texts without sending anything (an outreach). */
    List<String> await(int replies) {
        rapport.awaitSent(chat, received + replies);
        return take(replies);
    }

    /** The last question's buttons, row by row, as callback data. */
    List<List<String>> lastButtons() {
        List<FakeTelegramApi.Call> calls = rapport.telegram.calls("sendMessage").stream()
                .filter(call -> call.succeeded() && Long.valueOf(chat).equals(call.chatId()))
                .toList();
        var keyboard = calls.get(calls.size() - 1).body().path("reply_markup").path("inline_keyboard");
        List<List<String>> rows = new ArrayList<>();
        keyboard.forEach(row -> {
            List<String> data = new ArrayList<>();
            row.forEach(button -> data.add(button.path("callback_data").asText()));
            rows.add(data);
        });
        return rows;
    }

    long customerId() {
        return rapport.count("SELECT customer_id FROM channel_accounts WHERE chat_key = ?", String.valueOf(chat));
    }

    private List<String> take(int replies) {
        List<String> texts = rapport.telegram.sentTexts(chat);
        List<String> taken = texts.subList(received, received + replies);
        received += replies;
        if (texts.size() > received) {
            throw new AssertionError(
                    "chat " + chat + " got more replies than expected: " + texts.subList(received, texts.size()));
        }
        return List.copyOf(taken);
    }
}
