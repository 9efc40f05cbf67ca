package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.customer.privacy.CustomerErasure;
import dev.rapport.customer.privacy.CustomerExport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A customer's data: all of it exported, personal data and texts erased with the counts kept, both audited. */
class CustomerPrivacyIT {

    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
        // A table a later feature might add: found through the catalog, not a list.
        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "CREATE TABLE feature_notes (id bigserial PRIMARY KEY, customer_id bigint, note text)"));
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    /** An imported customer with a phone, who then wrote from chat {@code chat} and shared that phone. */
    private static long customerWhoChatted(long chat, String externalId, String phone) {
        long id = rapport.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("""
                        INSERT INTO customers (external_id, name, phone, email) VALUES (?, 'Mei', ?, 'mei@example.com')
                        RETURNING id""")
                        .bind(0, externalId)
                        .bind(1, phone)
                        .mapTo(Long.class)
                        .one());
        rapport.say(chat, "/start", "en", 1);
        rapport.postUpdate(Updates.contact(800_000 + chat, chat, phone.substring(1), chat, "en"));
        rapport.awaitSent(chat, 2);
        rapport.say(chat, "my order 4711 never arrived", "en", 3);
        rapport.database.jdbi().useHandle(handle -> {
            handle.execute(
                    "INSERT INTO purchases (external_id, customer_id, amount, purchased_at) VALUES (?, ?, 88, now())",
                    externalId + "-P1",
                    id);
            handle.execute(
                    "INSERT INTO tier_history (customer_id, from_tier, to_tier, value) VALUES (?, 'small', 'key', 88)",
                    id);
            handle.execute("INSERT INTO feature_notes (customer_id, note) VALUES (?, 'likes green tea')", id);
        });
        return id;
    }

    @Test
    void theExportHoldsEverythingKeptAboutTheCustomer() {
        long id = customerWhoChatted(601, "PRIV-1", "+8613800000601");
        JsonNode export = new CustomerExport(rapport.database.jdbi()).export(id, "dpo@shop");

        assertThat(export.path("customer").path("name").asText()).isEqualTo("Mei");
        assertThat(export.path("customer").path("phone").asText()).isEqualTo("+8613800000601");
        assertThat(export.path("chats"))
                .singleElement()
                .satisfies(chat -> assertThat(chat.path("chat_key").asText()).isEqualTo("601"));
        assertThat(export.path("purchases"))
                .singleElement()
                .satisfies(purchase ->
                        assertThat(purchase.path("external_id").asText()).isEqualTo("PRIV-1-P1"));
        assertThat(export.path("messages").findValuesAsText("text")).contains("my order 4711 never arrived", "/start");
        assertThat(export.path("events").findValuesAsText("type"))
                .contains("customer.linked", "customer.contact_shared");
        assertThat(export.path("tier_history")).hasSize(1);
        assertThat(export.path("conversations")).hasSize(1);
        assertThat(export.path("feature_notes").findValuesAsText("note")).containsExactly("likes green tea");
        assertThat(export.path("inbound_updates").size()).isGreaterThanOrEqualTo(3);
        assertThat(export.path("outbox").size()).isGreaterThanOrEqualTo(3);
        assertThat(rapport.count(
                        "SELECT count(*) FROM audit_log WHERE action = 'customers.export' AND customer_id = ? "
                                + "AND actor = 'dpo@shop'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void erasingRemovesPersonalDataAndTextsButKeepsTheCounts() {
        long id = customerWhoChatted(602, "PRIV-2", "+8613800000602");
        long messages = rapport.count("SELECT count(*) FROM messages WHERE customer_id = ?", id);
        long events = rapport.count("SELECT count(*) FROM events WHERE customer_id = ?", id);
        assertThat(messages).isGreaterThanOrEqualTo(6);

        var erased = new CustomerErasure(rapport.database.jdbi()).erase(id, "dpo@shop");
        assertThat(erased.chats()).isEqualTo(1);

        assertThat(rapport.count("""
                SELECT count(*) FROM customers WHERE id = ? AND name IS NULL AND phone IS NULL AND email IS NULL
                  AND external_id IS NULL AND erased_at IS NOT NULL""", id)).isEqualTo(1);
        assertThat(rapport.count("SELECT count(*) FROM messages WHERE customer_id = ?", id))
                .isEqualTo(messages);
        assertThat(rapport.count("SELECT count(*) FROM messages WHERE customer_id = ? AND text IS NOT NULL", id))
                .isZero();
        assertThat(rapport.count("SELECT count(*) FROM events WHERE customer_id = ?", id))
                .isEqualTo(events);
        assertThat(rapport.count("SELECT count(*) FROM events WHERE customer_id = ? AND data ?? 'phone'", id))
                .isZero();
        assertThat(rapport.count("SELECT count(*) FROM purchases WHERE customer_id = ?", id))
                .isEqualTo(1);
        for (String table :
                new String[] {"channel_accounts", "conversations", "messages", "outbox", "inbound_updates", "events"}) {
            assertThat(rapport.count("SELECT count(*) FROM " + table + " WHERE chat_key = '602'"))
                    .as("the chat id is gone from " + table)
                    .isZero();
        }
        assertThat(rapport.count("""
                SELECT count(*) FROM inbound_updates WHERE chat_key = 'erased-' || ? || '-1' AND payload IS NOT NULL""", id)).isZero();
        assertThat(rapport.count(
                        "SELECT count(*) FROM outbox WHERE chat_key = 'erased-' || ? || '-1' AND reply ->> 'erased' IS NULL",
                        id))
                .isZero();
        assertThat(rapport.count("""
                SELECT count(*) FROM audit_log WHERE action = 'customers.erase' AND customer_id = ? AND actor = 'dpo@shop'
                  AND (details ->> 'chats')::int = 1""", id)).isEqualTo(1);

        rapport.say(602, "hello again", "en", rapport.telegram.sentTexts(602).size() + 1);
        assertThat(rapport.count("SELECT customer_id FROM channel_accounts WHERE chat_key = '602'"))
                .as("writing again starts as a stranger")
                .isNotEqualTo(id);
    }

    @Test
    void erasingClearsWhatFeaturesMarkPersonalAndKeepsTheirCounts() {
        long id = customerWhoChatted(603, "PRIV-3", "+8613800000603");
        // "my order 4711 never arrived" began a complaint: once the bot asks for its order number, a new
        // /complaint offers to continue that one or start again.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> rapport.telegram.sentTexts(603).stream()
                        .anyMatch(text -> text.contains("order or booking number")));
        String ticket = new TelegramChat(rapport, 603, "en")
                .complainAfresh("The courier threw the parcel over my fence", "delivery");
        rapport.database.jdbi().useHandle(handle -> {
            long response =
                    handle.createQuery("""
                            INSERT INTO survey_responses (survey_id, customer_id, trigger, status, tier, channel, chat_key,
                                                          language)
                            VALUES ('feedback', ?, 'menu', 'completed', 'small', 'telegram', '603', 'en') RETURNING id""").bind(0, id).mapTo(Long.class).one();
            handle.execute(
                    "INSERT INTO survey_answers (response_id, question_id, question_type, score) VALUES (?, 'csat', 'csat', 2)",
                    response);
            handle.execute(
                    "INSERT INTO survey_answers (response_id, question_id, question_type, value) "
                            + "VALUES (?, 'topic', 'single', 'delivery')",
                    response);
            handle.execute(
                    "INSERT INTO survey_answers (response_id, question_id, question_type, value) "
                            + "VALUES (?, 'comment', 'text', 'Ask for Mei at the back door')",
                    response);
        });

        new CustomerErasure(rapport.database.jdbi()).erase(id, "dpo@shop");

        assertThat(rapport.count("""
                SELECT count(*) FROM complaints WHERE ticket = ? AND description = '' AND order_ref IS NULL
                  AND attachments = '[]' AND category = 'delivery'""", ticket)).isEqualTo(1);
        assertThat(rapport.count(
                        "SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                                + "WHERE r.customer_id = ? AND a.value LIKE '%Mei%'",
                        id))
                .as("the free text is gone")
                .isZero();
        assertThat(rapport.count(
                        "SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                                + "WHERE r.customer_id = ? AND (a.score = 2 OR a.value = 'delivery')",
                        id))
                .as("scores and choices stay for the reports")
                .isEqualTo(2);
        assertThat(rapport.count(
                        "SELECT (details ->> 'feature_rows')::int FROM audit_log "
                                + "WHERE action = 'customers.erase' AND customer_id = ?",
                        id))
                .isGreaterThanOrEqualTo(2);
    }
}
