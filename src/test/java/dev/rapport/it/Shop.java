package dev.rapport.it;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Customers, tiers and purchases for the offer and win-back tests, made with SQL as the import and
 * the tier recalculation would leave them: a customer with a Telegram chat whose id is the chat
 * number, a language they chose, and a time zone.
 */
public final class Shop {

    private final RunningRapport rapport;

    public Shop(RunningRapport rapport) {
        this.rapport = rapport;
    }

    /** A customer of {@code tier} speaking {@code language} in Telegram chat {@code chat}, in a daytime zone. */
    public long customer(long chat, String tier, String language) {
        return customer(chat, tier, language, zoneWhereItIs(LocalTime.NOON));
    }

    public long customer(long chat, String tier, String language, String timeZone) {
        return rapport.database.jdbi().inTransaction(handle -> {
            long id = handle.createQuery("""
                            INSERT INTO customers (name, language, language_chosen, tier, time_zone)
                            VALUES ('Ada', :language, true, :tier, :zone) RETURNING id""")
                    .bind("language", language)
                    .bind("tier", tier)
                    .bind("zone", timeZone)
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("""
                            INSERT INTO channel_accounts (channel, chat_key, customer_id, user_ref, first_name, language_code)
                            VALUES ('telegram', :chat, :id, :chat, 'Ada', :language)""")
                    .bind("chat", String.valueOf(chat))
                    .bind("id", id)
                    .bind("language", language)
                    .execute();
            return id;
        });
    }

    public void purchase(long customerId, Instant at) {
        execute("INSERT INTO purchases (customer_id, amount, purchased_at) VALUES (" + customerId + ", 120.00, '" + at
                + "')");
    }

    public void execute(String sql) {
        rapport.database.jdbi().useHandle(handle -> handle.execute(sql));
    }

    /** A fixed-offset zone (such as {@code +05:00}) where the local time now is about {@code time}. */
    public static String zoneWhereItIs(LocalTime time) {
        int utcHour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(time.getHour() - utcHour + 12, 24) - 12;
        return ZoneOffset.ofHours(offset).getId().equals("Z")
                ? "+00:00"
                : ZoneOffset.ofHours(offset).getId();
    }
}
