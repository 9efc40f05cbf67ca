package dev.rapport.engine;

import dev.rapport.FeatureParts;
import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.config.ConfigLoader;
import dev.rapport.customer.Customers;
import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import dev.rapport.inbox.OutreachQueue;
import dev.rapport.store.Database;
import dev.rapport.store.Json;
import dev.rapport.store.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine in process, without HTTP, workers or a sender: a fresh real database, the shipped flows
 * and features as {@code App} registers them, a fixed clock, and an interpreter that reads exactly
 * the intents a test gives it. Each {@link #turn} runs one turn in its own transaction, as a worker
 * would, and returns what the bot answered. Not thread-safe; one per test.
 */
final class EngineHarness implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    final Database database = TestDatabase.fresh();
    private final Map<String, Reading> readings = new HashMap<>();
    private final AtomicLong updateIds = new AtomicLong(1000);
    private final Engine engine;

    EngineHarness() {
        var config = ConfigLoader.load(Path.of("config/rapport.yaml"), Map.of());
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var customers = new Customers();
        var parts = FeatureParts.of(
                dev.rapport.Features.of(config, database.jdbi(), customers, new OutreachQueue(), clock));
        Interpreter fixed = (text, customer, languageCode) -> readings.getOrDefault(text, Reading.NONE);
        this.engine = new Engine(
                parts.conversations(config.conversationsDir()),
                parts.actions(),
                customers,
                fixed,
                config.inbox().stepLimit(),
                config.businessName(),
                clock);
    }

    /** From now on the text {@code text} reads as {@code intent} in English, with neutral sentiment. */
    EngineHarness reads(String text, String intent) {
        readings.put(text, new Reading(Language.EN, intent, 0.9, "neutral", 0.0));
        return this;
    }

    /** From now on the text {@code text} reads as {@code intent} in {@code language}, with neutral sentiment. */
    EngineHarness reads(String text, String intent, Language language) {
        readings.put(text, new Reading(language, intent, 0.9, "neutral", 0.0));
        return this;
    }

    /** One turn of chat {@code chat} (a Telegram chat, English-speaking sender); the bot's answer. */
    Answer turn(long chat, Content content) {
        return batch(List.of(Map.entry(chat, content))).get(0);
    }

    /**
     * Turns of chats run as an inbox batch runs them: in one transaction, the chats read ahead, the
     * turns' end writes held to the end ({@link TurnBatch}). The bot's answer to each.
     */
    List<Answer> batch(List<Map.Entry<Long, Content>> turns) {
        return database.jdbi().inTransaction(handle -> {
            var inboxIds = new java.util.ArrayList<Long>();
            var messages = new java.util.ArrayList<InboundMessage>();
            for (var turn : turns) {
                long updateId = updateIds.incrementAndGet();
                String chat = String.valueOf(turn.getKey());
                messages.add(new InboundMessage(
                        Channel.TELEGRAM,
                        chat,
                        updateId,
                        new InboundMessage.Sender(chat, "Ada", "ada", "en"),
                        turn.getValue(),
                        NOW));
                inboxIds.add(handle.createQuery("""
                                INSERT INTO inbound_updates (channel, update_id, chat_key, kind, status, processed_at)
                                VALUES ('telegram', :updateId, :chat, 'message', 'processed', now()) RETURNING id""")
                        .bind("updateId", updateId)
                        .bind("chat", chat)
                        .mapTo(Long.class)
                        .one());
            }
            TurnBatch batch = engine.batch(handle);
            batch.ahead(
                    messages.stream().map(message -> message.channel().code()).toList(),
                    messages.stream().map(InboundMessage::chatKey).toList());
            for (int i = 0; i < messages.size(); i++) {
                batch.handle(messages.get(i), inboxIds.get(i));
            }
            batch.finish();
            var answers = new java.util.ArrayList<Answer>();
            for (long inboxId : inboxIds) {
                List<String> replies = handle.createQuery("""
                                SELECT reply::text FROM outbox WHERE dedup_key LIKE :prefix ORDER BY id""")
                        .bind("prefix", "in:" + inboxId + ":%")
                        .mapTo(String.class)
                        .list();
                answers.add(new Answer(replies.stream().map(Json::read).toList()));
            }
            return answers;
        });
    }

    Answer text(long chat, String text) {
        return turn(chat, new Content.Text(text));
    }

    Answer command(long chat, String name) {
        return turn(chat, new Content.Command(name, ""));
    }

    Answer press(long chat, String data) {
        return turn(chat, new Content.ButtonPress(data, "cb-" + updateIds.get(), null));
    }

    /** The flow the chat's conversation is in now, or null. */
    String flow(long chat) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT flow FROM conversations WHERE chat_key = :chat")
                        .bind("chat", String.valueOf(chat))
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null));
    }

    @Override
    public void close() {
        database.close();
    }

    /** The outbox rows one turn wrote, as their stored JSON: texts with buttons, button answers. */
    record Answer(List<com.fasterxml.jackson.databind.JsonNode> replies) {

        List<String> texts() {
            return of("text").map(reply -> reply.get("text").asText()).toList();
        }

        /** What the answers to button presses said (null: the spinner just stops). */
        List<String> buttonAnswers() {
            return of("button_answer")
                    .map(reply -> reply.get("text").isNull()
                            ? null
                            : reply.get("text").asText())
                    .toList();
        }

        /** The callback data of the buttons under the last text. */
        List<String> buttons() {
            return of("text")
                    .reduce((first, second) -> second)
                    .map(reply -> reply.get("buttons").findValuesAsText("data"))
                    .orElse(List.of());
        }

        private java.util.stream.Stream<com.fasterxml.jackson.databind.JsonNode> of(String type) {
            return replies.stream().filter(reply -> reply.path("type").asText().equals(type));
        }
    }
}
