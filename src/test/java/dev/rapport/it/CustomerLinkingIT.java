package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.customer.LinkTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chat links to an imported customer through a personal deep link (/start token) or by sharing
 * its phone number; the chat's own record merges into the customer's. Through the webhook, with the
 * fake Bot API and the shipped start flow.
 */
class CustomerLinkingIT {

    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    /** An imported customer, as the CSV import leaves them. */
    private static long imported(String externalId, String name, String phone, String language) {
        return rapport.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("""
                        INSERT INTO customers (external_id, name, phone, language) VALUES (?, ?, ?, ?) RETURNING id""")
                        .bind(0, externalId)
                        .bind(1, name)
                        .bind(2, phone)
                        .bind(3, language)
                        .mapTo(Long.class)
                        .one());
    }

    private static String token(long customerId, Clock clock) {
        return rapport.database
                .jdbi()
                .inTransaction(handle -> new LinkTokens(Duration.ofDays(7), clock).create(handle, customerId));
    }

    private static long customerOf(long chat) {
        return rapport.count("SELECT customer_id FROM channel_accounts WHERE chat_key = ?", String.valueOf(chat));
    }

    private static void post(String update) {
        assertThat(rapport.postUpdate(update).statusCode()).isEqualTo(200);
    }

    @Test
    void aLapsedCustomerOpeningTheirLinkHearsFromTheWinBackAtOnce() {
        long customer = imported("SHOP-LAPSED", "Lena", "+8613800000199", "en");
        rapport.database.jdbi().useHandle(handle -> {
            handle.execute("UPDATE customers SET tier = 'ordinary' WHERE id = ?", customer);
            handle.execute(
                    "INSERT INTO purchases (customer_id, amount, purchased_at) "
                            + "VALUES (?, 80, now() - interval '200 days')",
                    customer);
        });
        var texts = rapport.say(591, "/start " + token(customer, Clock.systemUTC()), "en", 4).stream()
                .map(c -> c.text())
                .toList();
        assertThat(texts.get(2)).contains("we've missed you");
        assertThat(texts.get(3)).contains("What's the main reason?");
        assertThat(rapport.count(
                        "SELECT count(*) FROM winback_cases WHERE customer_id = ? AND trigger = 'lapsed'", customer))
                .isEqualTo(1);

        // A customer who still buys is only welcomed.
        long active = imported("SHOP-ACTIVE", "Max", "+8613800000198", "en");
        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO purchases (customer_id, amount, "
                                + "purchased_at) VALUES (?, 80, now() - interval '3 days')",
                        active));
        rapport.say(592, "/start " + token(active, Clock.systemUTC()), "en", 2);
        assertThat(rapport.count("SELECT count(*) FROM winback_cases WHERE customer_id = ?", active))
                .isZero();
    }

    @Test
    void aDeepLinkLinksTheChatAndMergesItsOwnRecordIntoTheCustomer() {
        long customer = imported("SHOP-1", "王芳", "+8613800000101", "zh");
        rapport.say(501, "hello", "en", 1);
        long own = customerOf(501);
        String token = token(customer, Clock.systemUTC());
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        var texts = rapport.say(501, "/start " + token, "en", 3).stream()
                .map(c -> c.text())
                .toList();

        assertThat(texts.get(1))
                .as("the confirmation, in the customer's language")
                .startsWith("谢谢，王芳！");
        assertThat(texts.get(2)).contains("王芳");
        assertThat(customerOf(501)).isEqualTo(customer);
        assertThat(rapport.count("SELECT merged_into FROM customers WHERE id = ?", own))
                .isEqualTo(customer);
        assertThat(rapport.count("SELECT count(*) FROM messages WHERE chat_key = '501' AND customer_id <> ?", customer))
                .as("every message of the chat moved to the customer")
                .isZero();
        assertThat(rapport.count("SELECT count(*) FROM events WHERE customer_id = ?", own))
                .isZero();
        assertThat(rapport.count("SELECT customer_id FROM conversations WHERE chat_key = '501'"))
                .isEqualTo(customer);
        assertThat(rapport.count("""
                SELECT count(*) FROM events WHERE type = 'customer.linked' AND customer_id = ?
                  AND data ->> 'via' = 'deep_link' AND (data ->> 'merged_from')::bigint = ?""", customer, own)).isEqualTo(1);
    }

    @Test
    void aTableThatAllowsOneRowPerCustomerDoesNotStopTheMerge() {
        rapport.database
                .jdbi()
                .useHandle(
                        handle -> handle.execute("CREATE TABLE loyalty_cards (customer_id bigint UNIQUE, card text)"));
        long customer = imported("SHOP-6", "Gao", null, "en");
        rapport.say(541, "hi", "en", 1);
        long own = customerOf(541);
        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO loyalty_cards VALUES (?, 'chat card'), (?, 'shop card')", own, customer));

        rapport.say(541, "/start " + token(customer, Clock.systemUTC()), "en", 3);

        assertThat(customerOf(541)).isEqualTo(customer);
        assertThat(rapport.count("SELECT count(*) FROM messages WHERE chat_key = '541' AND customer_id <> ?", customer))
                .isZero();
        assertThat(rapport.count("SELECT customer_id FROM loyalty_cards WHERE card = 'chat card'"))
                .as("the row that cannot move stays with the merged record")
                .isEqualTo(own);
    }

    @Test
    void aTokenWorksOnceAndNotAfterItExpires() {
        long customer = imported("SHOP-2", "Li", null, "en");
        String token = token(customer, Clock.systemUTC());
        rapport.say(511, "/start " + token, "en", 2);
        assertThat(customerOf(511)).isEqualTo(customer);

        var reused = rapport.say(512, "/start " + token, "en", 2);
        assertThat(reused.get(0).text()).contains("expired or has already been used");
        assertThat(customerOf(512)).isNotEqualTo(customer);

        Clock eightDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(8)), ZoneOffset.UTC);
        var expired = rapport.say(513, "/start " + token(customer, eightDaysAgo), "en", 2);
        assertThat(expired.get(0).text()).contains("expired or has already been used");
        assertThat(customerOf(513)).isNotEqualTo(customer);

        var unknown = rapport.say(514, "/start not-a-token", "en", 2);
        assertThat(unknown.get(0).text()).contains("expired or has already been used");
        assertThat(rapport.count("""
                SELECT count(*) FROM events WHERE type = 'customer.link_failed'
                  AND chat_key IN ('512', '513', '514')""")).isEqualTo(3);
        assertThat(
                        rapport.count(
                                "SELECT count(*) FROM events WHERE type = 'customer.link_failed' AND data ->> 'reason' = 'used'"))
                .isEqualTo(1);
        assertThat(
                        rapport.count(
                                "SELECT count(*) FROM events WHERE type = 'customer.link_failed' AND data ->> 'reason' = 'expired'"))
                .isEqualTo(1);
    }

    @Test
    void sharingTheirOwnNumberLinksTheChatToTheCustomerWithThatNumber() {
        long customer = imported("SHOP-3", "Chen", "+8613800000103", "en");
        rapport.say(521, "/start", "en", 1);
        long own = customerOf(521);

        post(Updates.contact(900_001, 521, "8613800000103", 521L, "en")); // Telegram's form: no +
        var texts = rapport.awaitSent(521, 2);
        assertThat(texts.get(1).text()).startsWith("Thanks, Chen! We found your customer account");
        assertThat(customerOf(521)).isEqualTo(customer);
        assertThat(rapport.count("SELECT merged_into FROM customers WHERE id = ?", own))
                .isEqualTo(customer);

        post(Updates.contact(900_002, 521, "+86 138 0000 0103", 521L, "en"));
        assertThat(rapport.awaitSent(521, 3).get(2).text()).contains("already linked");
    }

    @Test
    void anUnknownNumberOrSomeoneElsesContactLinksNothing() {
        imported("SHOP-4", "Zhao", "+8613800000104", "en");
        rapport.say(531, "/start", "en", 1);
        long own = customerOf(531);

        post(Updates.contact(900_011, 531, "8613999999999", 531L, "en"));
        assertThat(rapport.awaitSent(531, 2).get(1).text()).contains("couldn't find a customer account");

        post(Updates.contact(900_012, 531, "8613800000104", 999L, "en")); // from the address book
        assertThat(rapport.awaitSent(531, 3).get(2).text()).contains("your own number");

        post(Updates.contact(900_013, 531, "8613800000104", null, "en"));
        assertThat(rapport.awaitSent(531, 4).get(3).text()).contains("your own number");
        assertThat(customerOf(531)).isEqualTo(own);
        assertThat(rapport.count("""
                SELECT count(*) FROM events WHERE type = 'customer.contact_shared' AND chat_key = '531'
                  AND data ->> 'outcome' IN ('unknown', 'not_own')""")).isEqualTo(3);
    }

    @Test
    void aLinkedCustomerIsTieredByTheNightlyJob() {
        long customer = imported("SHOP-5", "Sun", null, "en");
        rapport.database.jdbi().useHandle(handle -> handle.execute("""
                INSERT INTO purchases (external_id, customer_id, amount, purchased_at)
                VALUES ('SHOP-5-1', ?, 99999, now() - interval '1 day')""", customer));
        rapport.runJob("tiers.recompute");
        assertThat(rapport.count("SELECT count(*) FROM customers WHERE id = ? AND tier = 'key'", customer))
                .isEqualTo(1);
    }
}
