package dev.rapport.customer.tier;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.rapport.customer.CustomerSettings;
import dev.rapport.schedule.Job;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The customer pyramid, computed in the database. A customer's value is the sum of their purchases
 * in the window (the last {@code window_months}; margins instead of amounts when so configured, a
 * purchase without a margin counting its amount). Customers with a positive value are ranked by
 * value, highest first, ties broken by customer id, oldest first; with N ranked customers, ranks up
 * to ceil(N × key share) are key, up to ceil(N × (key + major)) major, up to ceil(N × (key + major +
 * ordinary)) ordinary, the rest small. Customers without purchases in the window are small, and so
 * are chats not linked to an imported customer. Merged-away customers are left out.
 *
 * <p>One transaction, serialised by an advisory lock: the values, the ranks and every change (the
 * customer's tier, a {@code tier_history} row and a {@code customer.tier_changed} event) are written
 * by one set-based statement. Idempotent: running it again at once changes nothing. Thread-safe.
 */
public final class Tiers {

    public static final String JOB = "tiers.recompute";

    private final Jdbi jdbi;
    private final CustomerSettings settings;
    private final Clock clock;

    public Tiers(Jdbi jdbi, CustomerSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
    }

    /** The nightly recomputation, at {@code tiers.recompute_at} in the business's time zone. */
    public Job job(ZoneId businessZone) {
        return new Job(JOB, Schedules.daily(businessZone, settings.recomputeAt()), this::recompute);
    }

    /** What a recomputation did. */
    public record Recomputation(long customers, long ranked, long changed, long millis) {}

    /** One tier's size and the value bounds of its customers. */
    public record TierCount(String tier, long customers, BigDecimal lowestValue, BigDecimal highestValue) {}

    /** The customers' values in the window, one row per customer: {@code (id, tier, value)}. */
    private static final String VALUES = """
            SELECT c.id, c.tier, coalesce(v.value, 0) AS value
            FROM customers c
            LEFT JOIN (SELECT customer_id,
                              sum(CASE WHEN :useMargin THEN coalesce(margin, amount) ELSE amount END) AS value
                       FROM purchases WHERE purchased_at >= :since AND purchased_at <= :now
                       GROUP BY customer_id) v ON v.customer_id = c.id
            WHERE c.merged_into IS NULL""";

    public Recomputation recompute() {
        long started = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            handle.execute("SELECT pg_advisory_xact_lock(hashtext('rapport.tiers.recompute'))");
            // Computed first into a temporary table: a statement that writes cannot use parallel
            // workers, the aggregation over all purchases can.
            handle.execute("DROP TABLE IF EXISTS tier_values");
            // CREATE TABLE AS takes no bind parameters: the window goes in as literals made here, not from input.
            handle.execute("CREATE TEMP TABLE tier_values ON COMMIT DROP AS "
                    + VALUES.replace(":useMargin", Boolean.toString(settings.useMargin()))
                            .replace(":since", "'" + now.minusMonths(settings.windowMonths()) + "'::timestamptz")
                            .replace(":now", "'" + now + "'::timestamptz"));
            long customers = handle.createQuery("SELECT count(*) FROM tier_values")
                    .mapTo(Long.class)
                    .one();
            long changed = handle.createUpdate("""
                            WITH ranked AS (
                                SELECT id, tier AS old_tier, value,
                                       CASE WHEN value > 0 THEN row_number() OVER (ORDER BY value DESC, id) END AS rank,
                                       count(*) FILTER (WHERE value > 0) OVER () AS ranked
                                FROM tier_values),
                            tiered AS (
                                SELECT id, old_tier, value, rank,
                                       CASE WHEN rank IS NULL THEN 'small'
                                            WHEN rank <= ceil(ranked * :key) THEN 'key'
                                            WHEN rank <= ceil(ranked * :major) THEN 'major'
                                            WHEN rank <= ceil(ranked * :ordinary) THEN 'ordinary'
                                            ELSE 'small' END AS tier
                                FROM ranked),
                            changed AS (
                                UPDATE customers c SET tier = t.tier, tier_changed_at = :now
                                FROM tiered t
                                WHERE c.id = t.id AND t.tier <> t.old_tier
                                RETURNING c.id, t.old_tier, t.tier, t.value, t.rank),
                            history AS (
                                INSERT INTO tier_history (customer_id, from_tier, to_tier, value, rank, changed_at)
                                SELECT id, old_tier, tier, value, rank, :now FROM changed)
                            INSERT INTO events (type, customer_id, data, occurred_at)
                            SELECT :type, id, jsonb_build_object('from', old_tier, 'to', tier, 'value', value, 'rank', rank),
                                   :now
                            FROM changed""")
                    .bind("key", settings.keyShare())
                    .bind("major", settings.keyShare().add(settings.majorShare()))
                    .bind(
                            "ordinary",
                            settings.keyShare().add(settings.majorShare()).add(settings.ordinaryShare()))
                    .bind("now", now)
                    .bind("type", TierEvent.TIER_CHANGED.type())
                    .execute();
            long ranked = handle.createQuery("SELECT count(*) FROM tier_values WHERE value > 0")
                    .mapTo(Long.class)
                    .one();
            return new Recomputation(customers, ranked, changed, (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Counts and value bounds per tier, key first, with values as of now. */
    public List<TierCount> summary() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbi.withHandle(handle -> bindWindow(handle.createQuery("""
                        SELECT t.tier, count(v.id) AS customers, min(v.value) AS lowest_value, max(v.value) AS highest_value
                        FROM (VALUES ('key', 1), ('major', 2), ('ordinary', 3), ('small', 4)) AS t (tier, position)
                        LEFT JOIN (""" + VALUES + """
                        ) v ON v.tier = t.tier
                        GROUP BY t.tier, t.position ORDER BY t.position"""), now)
                .map(ConstructorMapper.of(TierCount.class))
                .list());
    }

    private <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindWindow(T statement, OffsetDateTime now) {
        return statement
                .bind("useMargin", settings.useMargin())
                .bind("since", now.minusMonths(settings.windowMonths()))
                .bind("now", now);
    }
}
