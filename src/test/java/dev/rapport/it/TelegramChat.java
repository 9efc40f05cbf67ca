package dev.rapport.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.channel.telegram.FakeTelegramApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * One customer's private Telegram chat with a running Rapport, for dialogue tests: each step posts
 * an update through the webhook and waits for the replies it should produce, returning their texts.
 * Update ids come from one counter for all chats of the JVM (far above {@link RunningRapport#say}'s),
 * so a chat's updates are in order. Not thread-safe: one test thread per chat.
 */
public final class TelegramChat {

    private static final AtomicLong UPDATE_IDS = new AtomicLong(5_000_000);

    private final RunningRapport rapport;
    public final long chat;
    private final String languageCode;

    public TelegramChat(RunningRapport rapport, long chat, String languageCode) {
        this.rapport = rapport;
        this.chat = chat;
        this.languageCode = languageCode;
    }

    /** Sends a text (or /command) and returns the {@code replies} texts it gets. */
    public List<String> say(String text, int replies) {
        return post(Updates.text(UPDATE_IDS.incrementAndGet(), chat, text, languageCode), replies);
    }

    /** Presses a button ({@code a:flow.step:value} or {@code go:flow}) and returns the {@code replies} texts it gets. */
    public List<String> press(String data, int replies) {
        long id = UPDATE_IDS.incrementAndGet();
        return post(Updates.button(id, chat, data, id), replies);
    }

    /** Sends a photo (caption may be null) and returns the {@code replies} texts it gets. */
    public List<String> photo(String fileId, String caption, int replies) {
        return post(Updates.photo(UPDATE_IDS.incrementAndGet(), chat, fileId, caption, languageCode), replies);
    }

    /** Waits for {@code replies} more texts than the chat has now received (for messages Rapport starts). */
    public List<String> expect(int already, int replies) {
        return await(already, replies);
    }

    /**
     * Makes a complaint with /complaint (description, no order reference, {@code category}) and
     * returns its ticket number.
     */
    public String complain(String words, String category) {
        say("/complaint", 1);
        return describe(words, category);
    }

    /**
     * A new complaint in a chat where one is already half-told: /complaint offers to continue it, and
     * the customer chooses to start again.
     */
    public String complainAfresh(String words, String category) {
        assertThatReply(say("/complaint", 1).get(0), "Continue where you left off, or start again?");
        press("a:resume.offer_again:drop", 1);
        return describe(words, category);
    }

    private static void assertThatReply(String reply, String expected) {
        if (!reply.contains(expected)) {
            throw new AssertionError("expected a reply containing \"" + expected + "\" but got: " + reply);
        }
    }

    private String describe(String words, String category) {
        say(words, 1);
        press("a:complaint.order:skip", 1);
        String opened = press("a:complaint.category:" + category, 1).get(0);
        var ticket = java.util.regex.Pattern.compile("C-\\d{6}-\\d{4}").matcher(opened);
        if (!ticket.find()) {
            throw new AssertionError("no ticket number in: " + opened);
        }
        return ticket.group();
    }

    /** One text value from SQL, for assertions. */
    public static String column(RunningRapport rapport, String sql, Object... args) {
        return rapport.database.jdbi().withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                query.bind(i, args[i]);
            }
            return query.mapTo(String.class).one();
        });
    }

    /** Every text the chat has received so far. */
    public List<String> texts() {
        return rapport.telegram.sentTexts(chat);
    }

    /** The callback data of the buttons on the latest message, row by row flattened. */
    public List<String> lastButtons() {
        List<FakeTelegramApi.Call> calls = rapport.telegram.calls("sendMessage").stream()
                .filter(call -> call.succeeded() && Long.valueOf(chat).equals(call.chatId()))
                .toList();
        List<String> data = new ArrayList<>();
        for (JsonNode row :
                calls.get(calls.size() - 1).body().path("reply_markup").path("inline_keyboard")) {
            row.forEach(button -> data.add(button.path("callback_data").asText()));
        }
        return data;
    }

    /** The customer behind this chat. */
    public long customerId() {
        return rapport.count("SELECT customer_id FROM channel_accounts WHERE chat_key = ?", String.valueOf(chat));
    }

    private List<String> post(String update, int replies) {
        int before = texts().size();
        var response = rapport.postUpdate(update);
        if (response.statusCode() != 200) {
            throw new AssertionError("webhook answered " + response.statusCode() + ": " + response.body());
        }
        return await(before, replies);
    }

    private List<String> await(int before, int replies) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> texts().size() >= before + replies);
        List<String> texts = texts();
        return texts.subList(before, texts.size());
    }
}
