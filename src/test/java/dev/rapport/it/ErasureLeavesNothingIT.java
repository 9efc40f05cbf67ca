package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.customer.privacy.CustomerErasure;
import dev.rapport.store.EventLog;
import dev.rapport.store.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Erasure leaves nothing personal anywhere: a customer goes through the dialogues that record what
 * they typed and sent, every event type the code declares is written for them (found by scanning
 * the compiled classes, so a new one cannot be forgotten), the customer is erased, and then every
 * text, json and jsonb column of every table is searched for what they wrote.
 */
class ErasureLeavesNothingIT {

    /** Every personal string below carries this mark (searched case-insensitively), or is the phone number. */
    static final String MARK = "qx7";

    static final String PHONE = "447700900123";
    static final long CHAT = 99_001;

    @Test
    void afterErasureNoTableAndNoJsonValueHoldsWhatTheCustomerWrote() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var chat = new TelegramChat(rapport, CHAT, "en");
            chat.say("/start", 1);
            // A complaint: its words, an order reference that does not fit, a photo with a caption.
            chat.press("go:complaint", 1);
            chat.photo("Qx7-photo-file-id", null, 2);
            chat.say("Qx7 the kettle arrived with a cracked lid", 1);
            chat.say("it was Qx7 last week", 2);
            chat.say("/complaint", 1); // one is half-told: continue or start again?
            chat.press("a:resume.offer_again:drop", 1); // start again: the description is asked
            chat.photo("Qx7-second-file", "Qx7 caption of the box", 2);
            // Outside a dialogue: a photo, an unknown command, a forged button, an edit, a shared number.
            chat.press("a:complaint.order:skip", 1);
            chat.press("a:complaint.category:product", 1);
            chat.photo("Qx7-outside-file", "Qx7 outside caption", 1);
            chat.say("/qx7secret", 1);
            chat.press("Qx7-forged-button", 0);
            post(rapport, """
                    {"update_id": 99000001, "edited_message": {"message_id": 5, "date": 1700000000, "edit_date": 1700000100,
                      "from": {"id": %d, "is_bot": false, "first_name": "Ada"},
                      "chat": {"id": %d, "type": "private"}, "text": "Qx7 edited words"}}""".formatted(CHAT, CHAT));
            post(rapport, Updates.contact(99_000_002, CHAT, "+" + PHONE, CHAT, "en"));
            await().atMost(Duration.ofSeconds(20)).until(() -> rapport.count("""
                    SELECT count(*) FROM inbound_updates WHERE chat_key = ? AND status = 'pending'""", String.valueOf(CHAT)) == 0);
            long customer = chat.customerId();

            // What the win-back and complaint dialogues and staff keep in their own tables.
            String ticket =
                    TelegramChat.column(rapport, "SELECT ticket FROM complaints WHERE customer_id = ?", customer);
            rapport.database.jdbi().useHandle(handle -> {
                handle.execute(
                        "INSERT INTO winback_cases (customer_id, tier, trigger, reason, reason_text) "
                                + "VALUES (?, 'small', 'cancel', 'other', 'Qx7 my own words for leaving')",
                        customer);
                handle.execute(
                        "UPDATE conversations SET escalation_reason = 'win-back: reason other (Qx7 words)' "
                                + "WHERE chat_key = ?",
                        String.valueOf(CHAT));
                handle.execute(
                        "INSERT INTO complaint_events (complaint_id, type, actor, reason) SELECT id, "
                                + "'status_changed', 'staff:amy', 'Qx7 resolution note naming the customer' FROM complaints "
                                + "WHERE ticket = ?",
                        ticket);
            });

            // Every event type there is, with a value only a person could have written under a key it does not declare
            // plain.
            List<EventType> types = everyEventType();
            assertThat(types).hasSizeGreaterThan(40);
            rapport.database.jdbi().useTransaction(handle -> {
                for (EventType type : types) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    type.plainKeys().forEach(key -> data.put(key, "plain"));
                    data.put("free_text", "Qx7 written for " + type.type());
                    EventLog.record(handle, type, "telegram", String.valueOf(CHAT), customer, data);
                }
            });
            assertThat(leaks(rapport)).as("personal strings before erasure").isNotEmpty();

            new CustomerErasure(rapport.database.jdbi()).erase(customer, "dpo@shop");

            assertThat(leaks(rapport))
                    .as("columns still holding what the customer wrote")
                    .isEmpty();
            assertThat(rapport.count("SELECT count(*) FROM events WHERE customer_id = ?", customer))
                    .as("events are kept, without their personal part")
                    .isGreaterThan(types.size());
        }
    }

    private static void post(RunningRapport rapport, String update) {
        assertThat(rapport.postUpdate(update).statusCode()).isEqualTo(200);
    }

    /** Every enum of the main code that implements {@link EventType}, every constant, found in the compiled classes. */
    static List<EventType> everyEventType() throws Exception {
        Path location = Path.of(EventType.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (Files.isDirectory(location)) {
            return eventTypesIn(location);
        }
        try (var jar = java.nio.file.FileSystems.newFileSystem(location)) { // failsafe runs the packaged jar
            return eventTypesIn(jar.getPath("/"));
        }
    }

    private static List<EventType> eventTypesIn(Path root) throws Exception {
        List<EventType> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace(root.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (!name.startsWith("dev.rapport.")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, EventType.class.getClassLoader());
                if (type.isEnum() && EventType.class.isAssignableFrom(type)) {
                    for (Object constant : type.getEnumConstants()) {
                        types.add((EventType) constant);
                    }
                }
            }
        }
        return types;
    }

    /** "table.column: value" for every text-like value in the database holding a personal string. */
    static List<String> leaks(RunningRapport rapport) {
        return rapport.database.jdbi().withHandle(handle -> {
            var columns = handle.createQuery("""
                            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                              AND c.table_name <> 'flyway_schema_history'
                              AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'bytea')
                            ORDER BY 1, 2""")
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list();
            List<String> found = new ArrayList<>();
            for (List<String> column : columns) {
                String expression = column.get(2).equals("bytea")
                        ? "encode(\"" + column.get(1) + "\", 'escape')"
                        : "\"" + column.get(1) + "\"::text";
                found.addAll(handle
                        .createQuery("SELECT left(" + expression + ", 120) FROM \"" + column.get(0)
                                + "\" WHERE " + expression + " ILIKE '%" + MARK + "%' OR " + expression
                                + " LIKE '%" + PHONE + "%' LIMIT 3")
                        .mapTo(String.class)
                        .list()
                        .stream()
                        .map(value -> column.get(0) + "." + column.get(1) + ": " + value)
                        .toList());
            }
            return found;
        });
    }
}
