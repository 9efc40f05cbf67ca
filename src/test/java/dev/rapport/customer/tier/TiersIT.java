package dev.rapport.customer.tier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.customer.CustomerSettings;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer pyramid on generated populations: exact boundaries, ties, windows, history only on change. */
class TiersIT {

    private Database database;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Tiers tiers(CustomerSettings settings) {
        return new Tiers(database.jdbi(), settings, Clock.systemUTC());
    }

    private Tiers tiers() {
        return tiers(CustomerSettings.defaults());
    }

    private static CustomerSettings settings(int windowMonths, boolean margin, String key) {
        return new CustomerSettings(
                windowMonths,
                margin,
                new BigDecimal(key),
                new BigDecimal("0.04"),
                new BigDecimal("0.15"),
                LocalTime.of(3, 0),
                86,
                "",
                Duration.ofDays(7));
    }

    private void sql(String sql) {
        database.jdbi().useHandle(handle -> handle.execute(sql));
    }

    private long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private List<String> list(String sql) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    /** {@code n} customers C1…Cn; customer Ci bought for {@code value(i)} a week ago (nothing when 0). */
    private void population(int n, String valueOfI) {
        sql("INSERT INTO customers (external_id) SELECT 'C' || i FROM generate_series(1, " + n + ") i");
        sql("INSERT INTO purchases (external_id, customer_id, amount, purchased_at) "
                + "SELECT 'P' || i, c.id, " + valueOfI + ", now() - interval '7 days' "
                + "FROM generate_series(1, " + n + ") i JOIN customers c ON c.external_id = 'C' || i "
                + "WHERE " + valueOfI + " > 0");
    }

    private long inTier(String tier) {
        return count("SELECT count(*) FROM customers WHERE tier = '" + tier + "'");
    }

    @Test
    void theBoundariesFallExactlyAtOneFiveAndTwentyPercent() {
        // Values are a permutation of 1..1000 so that id order and value order differ.
        population(1000, "((i * 7919) % 1000) + 1");
        var done = tiers().recompute();

        assertThat(done.customers()).isEqualTo(1000);
        assertThat(done.ranked()).isEqualTo(1000);
        assertThat(List.of(inTier("key"), inTier("major"), inTier("ordinary"), inTier("small")))
                .containsExactly(10L, 40L, 150L, 800L);
        assertThat(
                        count(
                                "SELECT min(p.amount) FROM purchases p JOIN customers c ON c.id = p.customer_id WHERE tier = 'key'"))
                .isEqualTo(991);
        assertThat(
                        count(
                                "SELECT max(p.amount) FROM purchases p JOIN customers c ON c.id = p.customer_id WHERE tier = 'major'"))
                .isEqualTo(990);
        assertThat(
                        count(
                                "SELECT min(p.amount) FROM purchases p JOIN customers c ON c.id = p.customer_id WHERE tier = 'ordinary'"))
                .isEqualTo(801);
        assertThat(
                        count(
                                "SELECT max(p.amount) FROM purchases p JOIN customers c ON c.id = p.customer_id WHERE tier = 'small'"))
                .isEqualTo(800);
    }

    @Test
    void tiesAreBrokenByCustomerIdOldestFirst() {
        // 100 customers: C1..C100 with value 1..100, and three of them tie for the top with 500.
        population(100, "CASE WHEN i IN (40, 20, 60) THEN 500 ELSE i END");
        tiers().recompute();
        assertThat(list("SELECT external_id FROM customers WHERE tier = 'key'")).containsExactly("C20");
        assertThat(list("SELECT external_id FROM customers WHERE tier = 'major' ORDER BY id"))
                .containsExactly("C40", "C60", "C99", "C100");
        assertThat(
                        count(
                                "SELECT rank FROM tier_history h JOIN customers c ON c.id = h.customer_id WHERE external_id = 'C60'"))
                .isEqualTo(3);
    }

    @Test
    void anEmptyBaseAndCustomersWithoutPurchasesAreHandled() {
        assertThat(tiers().recompute().changed()).isZero();
        assertThat(tiers().summary()).extracting(Tiers.TierCount::customers).containsExactly(0L, 0L, 0L, 0L);

        population(50, "0");
        var done = tiers().recompute();
        assertThat(done.ranked()).isZero();
        assertThat(inTier("small")).isEqualTo(50);
    }

    @Test
    void aSingleCustomerWithPurchasesIsKeyAndTheOthersWithoutAreSmall() {
        population(30, "CASE WHEN i = 7 THEN 10 ELSE 0 END");
        tiers().recompute();
        assertThat(list("SELECT external_id FROM customers WHERE tier <> 'small'"))
                .containsExactly("C7");
        assertThat(inTier("key")).isEqualTo(1);
    }

    @Test
    void purchasesOutsideTheWindowDoNotCountAndMarginCountsWhenConfigured() {
        population(200, "i");
        sql("""
                INSERT INTO customers (external_id) VALUES ('OLD'), ('MARGIN');
                INSERT INTO purchases (external_id, customer_id, amount, margin, purchased_at)
                SELECT 'old', id, 100000, NULL, now() - interval '13 months' FROM customers WHERE external_id = 'OLD';
                INSERT INTO purchases (external_id, customer_id, amount, margin, purchased_at)
                SELECT 'big-low-margin', id, 195, 1, now() - interval '1 month' FROM customers WHERE external_id = 'MARGIN'""");
        tiers().recompute();
        assertThat(list("SELECT tier FROM customers WHERE external_id IN ('OLD', 'MARGIN') ORDER BY external_id"))
                .as("the old purchase is out of the 12-month window; by amount 195 ranks 7th of 201")
                .containsExactly("major", "small");

        tiers(settings(24, true, "0.01")).recompute();
        assertThat(list("SELECT tier FROM customers WHERE external_id IN ('OLD', 'MARGIN') ORDER BY external_id"))
                .as("a 24-month window sees the old purchase; by margin the big sale is worth 1")
                .containsExactly("small", "key");
    }

    @Test
    void everyChangeIsKeptAsHistoryAndAnEventAndNothingElse() {
        population(100, "i");
        var first = tiers().recompute();
        assertThat(first.changed()).isEqualTo(20); // key 1, major 4, ordinary 15; the rest stay small
        assertThat(count("SELECT count(*) FROM tier_history")).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM events WHERE type = 'customer.tier_changed'"))
                .isEqualTo(20);

        assertThat(tiers().recompute().changed())
                .as("nothing changed, nothing recorded")
                .isZero();
        assertThat(count("SELECT count(*) FROM tier_history")).isEqualTo(20);

        sql("UPDATE purchases SET amount = 1000 WHERE external_id = 'P50'");
        var third = tiers().recompute();
        // C50 jumps from small to key; C100 drops to major; C96 to ordinary; C81 to small.
        assertThat(third.changed()).isEqualTo(4);
        assertThat(list("""
                SELECT c.external_id || ':' || h.from_tier || '>' || h.to_tier FROM tier_history h
                JOIN customers c ON c.id = h.customer_id WHERE h.id > 20 ORDER BY c.id"""))
                .containsExactly("C50:small>key", "C81:ordinary>small", "C96:major>ordinary", "C100:key>major");
        assertThat(list("""
                SELECT e.data ->> 'from' || '>' || (e.data ->> 'to') || ' ' || (e.data ->> 'value')
                FROM events e JOIN customers c ON c.id = e.customer_id
                WHERE e.type = 'customer.tier_changed' AND c.external_id = 'C50'""")).containsExactly("small>key 1000.00");
    }

    @Test
    void theSummaryGivesCountsAndValueBoundsPerTier() {
        population(100, "i");
        tiers().recompute();
        var summary = tiers().summary();
        assertThat(summary).extracting(Tiers.TierCount::tier).containsExactly("key", "major", "ordinary", "small");
        assertThat(summary).extracting(Tiers.TierCount::customers).containsExactly(1L, 4L, 15L, 80L);
        assertThat(summary.get(1).lowestValue()).isEqualByComparingTo("96");
        assertThat(summary.get(1).highestValue()).isEqualByComparingTo("99");
    }
}
