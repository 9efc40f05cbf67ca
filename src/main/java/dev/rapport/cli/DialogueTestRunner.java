package dev.rapport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.engine.Engine;
import dev.rapport.flow.Messages;
import dev.rapport.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs {@link DialogueTest}s on the real engine — the loaded flows, every feature's actions, the NLU —
 * in-process: each dialogue is a new customer of the test's language and tier on a chat of its own,
 * each turn goes through {@link Engine#handle} as a worker would run it, and the bot's replies are read
 * back from the message log. A dialogue runs in one transaction that is rolled back at the end, so it
 * leaves nothing behind and dialogues never see each other. A dialogue stops at its first turn whose
 * replies differ; the outcome then holds a diff of expected against got. Thread-safe: each call uses
 * its own connection and chat.
 */
final class DialogueTestRunner {

    /** The channel the dialogues run on: the web chat's, which needs no token and no account elsewhere. */
    static final String CHANNEL = "webchat";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_]+\\}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");
    private static final Pattern ADDRESS = Pattern.compile("\\s*[,，]\\s*$");
    private static final int SHOWN = 90;

    /** How one dialogue went; {@code report} is the diff of the first differing turn, empty when it passed. */
    record Outcome(DialogueTest test, boolean passed, String report) {}

    private record Reply(String text, List<JsonNode> buttons) {}

    private final Jdbi jdbi;
    private final Engine engine;
    private final Messages messages;
    /** Chats and update ids far above a channel's own, so they never meet real ones. */
    private final AtomicLong ids = new AtomicLong(9_000_000_000_000L + (System.nanoTime() & 0xFFFFFFFFL) * 1000);

    DialogueTestRunner(Jdbi jdbi, Engine engine) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.messages = engine.conversations().messages();
    }

    Outcome run(DialogueTest test) {
        try (Handle handle = jdbi.open()) {
            handle.begin();
            try {
                return dialogue(handle, test);
            } finally {
                handle.rollback();
            }
        }
    }

    private Outcome dialogue(Handle handle, DialogueTest test) {
        String chat = "test-" + ids.incrementAndGet();
        long customer = handle.createQuery(
                        "INSERT INTO customers (name, language, tier) VALUES (:name, :language, :tier) "
                                + "RETURNING id")
                .bind("name", test.customer())
                .bind("language", test.language())
                .bind("tier", test.tier())
                .mapTo(Long.class)
                .one();
        String languageCode = "zh".equals(test.language()) ? "zh-hans" : "en";
        handle.createUpdate("INSERT INTO channel_accounts (channel, chat_key, customer_id, user_ref, first_name, "
                        + "language_code) VALUES (:channel, :chat, :customer, :chat, :name, :code)")
                .bind("channel", CHANNEL)
                .bind("chat", chat)
                .bind("customer", customer)
                .bind("name", test.customer())
                .bind("code", languageCode)
                .execute();
        List<Reply> last = List.of();
        List<String> transcript = new ArrayList<>();
        for (int index = 0; index < test.steps().size(); index++) {
            DialogueTest.Step step = test.steps().get(index);
            String turn = "turn " + (index + 1) + ": the customer " + step.describe();
            Optional<Content> content = content(step, last, test.language());
            if (content.isEmpty()) {
                return failed(
                        test,
                        transcript,
                        turn,
                        "  no button \"" + step.press() + "\" on the bot's last reply; " + "its buttons: "
                                + labels(last));
            }
            long updateId = ids.incrementAndGet();
            long inboxId = handle.createQuery(
                            "INSERT INTO inbound_updates (channel, update_id, chat_key, kind, status) "
                                    + "VALUES (:channel, :update, :chat, 'message', 'processed') RETURNING id")
                    .bind("channel", CHANNEL)
                    .bind("update", updateId)
                    .bind("chat", chat)
                    .mapTo(Long.class)
                    .one();
            long before = handle.createQuery("SELECT coalesce(max(id), 0) FROM messages")
                    .mapTo(Long.class)
                    .one();
            engine.handle(
                    handle,
                    new InboundMessage(
                            dev.rapport.domain.Channel.of(CHANNEL),
                            chat,
                            updateId,
                            new InboundMessage.Sender(chat, test.customer(), null, languageCode),
                            content.get(),
                            Instant.now()),
                    inboxId);
            last = replies(handle, chat, before);
            transcript.add("  customer: " + (step.say() != null ? step.say() : "[" + step.press() + "]"));
            last.forEach(reply -> transcript.add("  bot:      " + shorten(reply.text())));
            if (step.expect() != null) {
                String diff = diff(step.expect(), last, test.language());
                if (diff != null) {
                    return failed(test, transcript, turn, diff);
                }
            }
        }
        return new Outcome(test, true, "");
    }

    private Optional<Content> content(DialogueTest.Step step, List<Reply> last, String language) {
        if (step.say() != null) {
            String text = step.say().strip();
            if (text.startsWith("/") && text.length() > 1) {
                String[] parts = text.substring(1).split("\\s+", 2);
                return Optional.of(new Content.Command(
                        parts[0].toLowerCase(java.util.Locale.ROOT), parts.length > 1 ? parts[1] : ""));
            }
            return Optional.of(new Content.Text(step.say()));
        }
        String wanted = step.press();
        String label = messages.has(language, wanted) ? messages.text(language, wanted) : wanted;
        return last.stream()
                .flatMap(reply -> reply.buttons().stream())
                .filter(button -> button.path("label").asText().equals(label)
                        || button.path("label").asText().equals(wanted)
                        || button.path("data").asText().endsWith(":" + wanted))
                .findFirst()
                .map(button ->
                        new Content.ButtonPress(button.path("data").asText(), "test-" + ids.incrementAndGet(), null));
    }

    private static List<Reply> replies(Handle handle, String chat, long after) {
        return handle.createQuery(
                        "SELECT text, buttons::text AS buttons FROM messages WHERE channel = :channel AND chat_key = :chat "
                                + "AND direction = 'out' AND id > :after ORDER BY id")
                .bind("channel", CHANNEL)
                .bind("chat", chat)
                .bind("after", after)
                .map((rs, ctx) -> {
                    List<JsonNode> buttons = new ArrayList<>();
                    if (rs.getString("buttons") != null) {
                        Json.read(rs.getString("buttons")).forEach(row -> row.forEach(buttons::add));
                    }
                    return new Reply(rs.getString("text"), buttons);
                })
                .list();
    }

    /** Null when every reply is as expected; else one line per reply, expected against got. */
    private String diff(List<String> expected, List<Reply> got, String language) {
        boolean same = expected.size() == got.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = matches(expected.get(i), got.get(i).text(), language);
        }
        if (same) {
            return null;
        }
        StringBuilder out = new StringBuilder("  expected " + expected.size() + " repl"
                + (expected.size() == 1 ? "y" : "ies") + ", got " + got.size() + ":\n");
        for (int i = 0; i < Math.max(expected.size(), got.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : null;
            String have = i < got.size() ? got.get(i).text() : null;
            boolean ok = want != null && have != null && matches(want, have, language);
            out.append(ok ? "  ✓ " : "  ✗ ")
                    .append(i + 1)
                    .append(". expected ")
                    .append(want == null ? "(nothing)" : describe(want, language))
                    .append('\n')
                    .append("       got      ")
                    .append(have == null ? "(nothing)" : "\"" + shorten(have) + "\"")
                    .append('\n');
        }
        return out.toString();
    }

    /** A message key (its text, any placeholder filled by anything), {@code /regex/} (found), or text (contained). */
    boolean matches(String expected, String reply, String language) {
        if (expected.length() > 2 && expected.startsWith("/") && expected.endsWith("/")) {
            return Pattern.compile(expected.substring(1, expected.length() - 1), Pattern.DOTALL)
                    .matcher(reply)
                    .find();
        }
        if (isKey(expected, language)) {
            return template(messages.text(language, expected)).matcher(reply).matches();
        }
        return reply.contains(expected);
    }

    private boolean isKey(String expected, String language) {
        return KEY.matcher(expected).matches() && messages.has(language, expected);
    }

    private String describe(String expected, String language) {
        return isKey(expected, language)
                ? expected + " (\"" + shorten(messages.text(language, expected)) + "\")"
                : expected.startsWith("/") ? "a match of " + expected : "text containing \"" + expected + "\"";
    }

    private static Pattern template(String text) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int at = 0;
        while (placeholder.find()) {
            String literal = text.substring(at, placeholder.start());
            Matcher comma = ADDRESS.matcher(literal);
            if (comma.find()) {
                // "…with us, {name}." reads "…with us." for a customer without a name
                regex.append(Pattern.quote(literal.substring(0, comma.start()))).append("(?:\\s*[,，]\\s*.*?)?");
            } else {
                regex.append(Pattern.quote(literal)).append(".*?");
            }
            at = placeholder.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static Outcome failed(DialogueTest test, List<String> transcript, String turn, String diff) {
        String report = "FAIL " + test.file() + ": \"" + test.name() + "\" (" + test.language() + ", " + test.tier()
                + ")\n" + turn + "\n" + diff + (diff.endsWith("\n") ? "" : "\n") + "  the dialogue so far:\n"
                + String.join("\n", transcript);
        return new Outcome(test, false, report);
    }

    private static String labels(List<Reply> replies) {
        return replies.stream()
                .flatMap(reply -> reply.buttons().stream())
                .map(button -> button.path("label").asText() + " ("
                        + button.path("data").asText() + ")")
                .toList()
                .toString();
    }

    private static String shorten(String text) {
        String flat = text.replace("\n", " ⏎ ");
        return flat.length() <= SHOWN ? flat : flat.substring(0, SHOWN - 1) + "…";
    }
}
