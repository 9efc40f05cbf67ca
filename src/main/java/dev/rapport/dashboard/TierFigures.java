package dev.rapport.dashboard;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The customer pyramid today and how customers moved through it. Customers per tier: every customer
 * not merged into another, by their current tier; value: the sum of their purchases in the last 12
 * months. Movements: tier changes recorded in the period, by month (business time zone), from → to.
 * The pyramid sums every purchase of the last 12 months (millions of rows in a big shop) and moves
 * slowly, so it is kept for {@value #PYRAMID_SECONDS} seconds per tier filter; movements are read
 * fresh. Read-only; thread-safe.
 */
final class TierFigures {

    static final long PYRAMID_SECONDS = 300;

    private record Kept(java.time.Instant at, List<TierRow> tiers) {}

    private final java.util.concurrent.ConcurrentHashMap<List<String>, Kept> pyramids =
            new java.util.concurrent.ConcurrentHashMap<>();

    record TierRow(String tier, long customers, BigDecimal value) {}

    record Movement(String month, String fromTier, String toTier, long customers) {}

    record Result(List<TierRow> tiers, List<Movement> movements) {}

    private final Jdbi jdbi;
    private final ZoneId zone;

    TierFigures(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    Result compute(Filter filter) {
        var customers = new Where().and("c.merged_into IS NULL").in("c.tier", filter.tiers());
        var moves = new Where().between("h.changed_at", filter.start(zone), filter.end(zone));
        if (!filter.tiers().isEmpty()) {
            moves.and("(h.from_tier = ANY(:tiers) OR h.to_tier = ANY(:tiers))");
        }
        var now = java.time.Instant.now();
        Kept kept = pyramids.get(filter.tiers());
        boolean fresh = kept != null && kept.at().isAfter(now.minusSeconds(PYRAMID_SECONDS));
        return Reads.of(jdbi, handle -> {
            var tiers = fresh
                    ? kept.tiers()
                    : customers
                            .bind(handle.createQuery("""
                            SELECT c.tier, count(*) AS customers, coalesce(sum(v.value), 0) AS value
                            FROM customers c
                            LEFT JOIN (SELECT p.customer_id, sum(p.amount) AS value FROM purchases p
                                       WHERE p.purchased_at > now() - interval '12 months' GROUP BY 1) v
                                   ON v.customer_id = c.id
                            WHERE %s GROUP BY 1""".formatted(customers.sql())))
                            .map(ConstructorMapper.of(TierRow.class))
                            .list()
                            .stream()
                            .sorted(java.util.Comparator.comparingInt(row -> Filter.TIERS.indexOf(row.tier())))
                            .toList();
            if (!fresh) {
                pyramids.put(filter.tiers(), new Kept(now, tiers));
            }
            var query =
                    moves.bind(handle.createQuery("""
                            SELECT to_char(h.changed_at AT TIME ZONE :zone, 'YYYY-MM') AS month, h.from_tier, h.to_tier,
                                   count(*) AS customers
                            FROM tier_history h WHERE %s GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""".formatted(moves.sql()))).bind("zone", zone.getId());
            if (!filter.tiers().isEmpty()) {
                query.bindArray("tiers", String.class, filter.tiers());
            }
            var movements = query.map(ConstructorMapper.of(Movement.class)).list();
            return new Result(tiers, movements);
        });
    }
}
