package dev.rapport.dashboard;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The complaint figures of a period, read from {@code complaint_figures} (one row per complaint, kept
 * equal to {@code complaints} and {@code complaint_events} by triggers: see V96): complaints made in it, by category, status and tier (the
 * customer's tier when they complained). First response: from the complaint to the first time a person
 * took it in hand or resolved it; resolution: from the complaint to its (last) resolution; both in
 * minutes, median and 90th percentile of the complaints that have one. SLA breach rate: complaints
 * whose promised response time passed unanswered ÷ complaints. Reopen rate: complaints reopened ÷
 * complaints whose follow-up survey was answered. Service recoveries: complaints whose customer rated
 * the follow-up 4 or 5. Read-only; thread-safe.
 */
final class ComplaintFigures {

    /** Counts of one group of complaints. */
    static final class Counts {
        long complaints;
        long breached;
        long followedUp;
        long reopened;
        long recovered;

        void add(long complaints, long breached, long followedUp, long reopened, long recovered) {
            this.complaints += complaints;
            this.breached += breached;
            this.followedUp += followedUp;
            this.reopened += reopened;
            this.recovered += recovered;
        }

        double breachRate() {
            return complaints == 0 ? Double.NaN : (double) breached / complaints;
        }

        double reopenRate() {
            return followedUp == 0 ? Double.NaN : (double) reopened / followedUp;
        }
    }

    /** Minutes; NaN when no complaint of the period has the time. */
    record Times(
            double firstResponseMedian,
            double firstResponseP90,
            long responded,
            double resolutionMedian,
            double resolutionP90,
            long resolved) {}

    record Period(
            Counts total,
            Map<String, Counts> byCategory,
            Map<String, Counts> byStatus,
            Map<String, Counts> byTier,
            Times times) {}

    private final Jdbi jdbi;
    private final ZoneId zone;

    ComplaintFigures(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** The period and the previous one of the same length. */
    record Comparison(Period now, Period before) {}

    /**
     * Both periods: {@link #counts} and {@link #times}, one after the other. The overview reads the two
     * at the same time on two connections instead ({@link #combine}); each is one snapshot of its own.
     */
    Comparison compute(Filter filter) {
        return combine(counts(filter), times(filter));
    }

    /** The counts of both periods (times left empty), in one grouped query. */
    Comparison counts(Filter filter) {
        Period[] periods = {empty(), empty()}; // 0: now, 1: before
        var where = where(filter);
        var now = utc(filter.start(zone));
        Reads.of(
                jdbi,
                handle -> where.bind(handle.createQuery("""
                                SELECT c.created_at >= :now, c.tier, c.category, c.status, count(*), count(c.sla_breached_at),
                                       count(c.followup_answered_at),
                                       count(*) FILTER (WHERE c.followup_answered_at IS NOT NULL AND c.reopened),
                                       count(*) FILTER (WHERE c.csat >= 4)
                                FROM complaint_figures c WHERE %s GROUP BY 1, 2, 3, 4""".formatted(where.sql())))
                        .bind("now", now)
                        .map((rs, ctx) -> {
                            Period period = periods[rs.getBoolean(1) ? 0 : 1];
                            long[] n = {rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)};
                            for (Counts counts : new Counts[] {
                                period.total(),
                                period.byTier().computeIfAbsent(rs.getString(2), k -> new Counts()),
                                period.byCategory().computeIfAbsent(rs.getString(3), k -> new Counts()),
                                period.byStatus().computeIfAbsent(rs.getString(4), k -> new Counts())
                            }) {
                                counts.add(n[0], n[1], n[2], n[3], n[4]);
                            }
                            return 0;
                        })
                        .list());
        return new Comparison(periods[0], periods[1]);
    }

    /** The median, 90th percentile and number of complaints that have one measure (minutes; NaN for none). */
    record Spread(double median, double p90, long count) {}

    /** The two measures of {@link Times}: from the complaint to its first response, and to its resolution. */
    enum Measure {
        FIRST_RESPONSE("first_response_at"),
        RESOLUTION("resolved_at");

        final String column;

        Measure(String column) {
            this.column = column;
        }
    }

    /** First response and resolution times of both periods, {@code [now, before]}: {@link #spread} of each. */
    Times[] times(Filter filter) {
        return times(spread(filter, Measure.FIRST_RESPONSE), spread(filter, Measure.RESOLUTION));
    }

    /** The times of both periods, {@code [now, before]}, from each measure's {@link #spread}. */
    static Times[] times(Spread[] firstResponse, Spread[] resolution) {
        var times = new Times[2];
        for (int at = 0; at < 2; at++) {
            times[at] = new Times(
                    firstResponse[at].median(),
                    firstResponse[at].p90(),
                    firstResponse[at].count(),
                    resolution[at].median(),
                    resolution[at].p90(),
                    resolution[at].count());
        }
        return times;
    }

    /**
     * One measure's median and 90th percentile in both periods, {@code [now, before]}, exact: every
     * complaint's time, sorted in memory (100,000 a year; one sort per period). Read from the index
     * complaint_figures_times alone (V102). The overview reads the two measures at the same time, so
     * their sorts run side by side.
     */
    Spread[] spread(Filter filter, Measure measure) {
        var where = where(filter);
        var now = utc(filter.start(zone));
        return Reads.of(jdbi, handle -> {
            handle.execute("SET LOCAL work_mem = '32MB'");
            // Both periods in one pass, no grouping sort; minutes in float8 (extract() would give numeric,
            // whose sort is several times slower).
            return where.bind(handle.createQuery("""
                            SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE current),
                                   count(minutes) FILTER (WHERE current),
                                   percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE NOT current),
                                   count(minutes) FILTER (WHERE NOT current)
                            FROM (SELECT c.created_at >= :now AS current,
                                         date_part('epoch', c.%s - c.created_at) / 60 AS minutes
                                  FROM complaint_figures c WHERE %s) t""".formatted(measure.column, where.sql())))
                    .bind("now", now)
                    .map((rs, ctx) -> {
                        double[] current = pair(rs.getArray(1));
                        double[] before = pair(rs.getArray(3));
                        return new Spread[] {
                            new Spread(current[0], current[1], rs.getLong(2)),
                            new Spread(before[0], before[1], rs.getLong(4))
                        };
                    })
                    .one();
        });
    }

    /** The counts of {@link #counts} with the times of {@link #times}. */
    static Comparison combine(Comparison counts, Times[] times) {
        return new Comparison(with(counts.now(), times[0]), with(counts.before(), times[1]));
    }

    private static Period with(Period period, Times times) {
        return new Period(period.total(), period.byCategory(), period.byStatus(), period.byTier(), times);
    }

    /** Both periods' complaints, filtered. */
    private Where where(Filter filter) {
        return new Where()
                .between("c.created_at", filter.previous().start(zone), filter.end(zone))
                .complaints("c", filter);
    }

    /** The median and 90th percentile of a {@code percentile_cont(ARRAY[0.5, 0.9])}; NaN for none. */
    private static double[] pair(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Object[] values = (Object[]) array.getArray();
        return new double[] {number(values[0]), number(values[1])};
    }

    private static Period empty() {
        return new Period(
                new Counts(),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                new Times(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, 0));
    }

    static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
