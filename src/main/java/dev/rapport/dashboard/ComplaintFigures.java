package dev.rapport.dashboard;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The complaint figures of a period, read from {@code complaint_figures} (one row per complaint, kept
 * equal to {@code complaints} and {@code complaint_events} by triggers: see V96; its counts per UTC
 * month in {@code complaint_counts_monthly}, V103): complaints made in it, by category, status and tier (the
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

    /**
     * The counts of both periods (times left empty): the UTC months wholly inside a period from
     * {@code complaint_counts_monthly} (V103), the rest of each period from {@code complaint_figures}
     * ({@link MonthSplit}); two grouped queries in one snapshot.
     */
    Comparison counts(Filter filter) {
        Period[] periods = {empty(), empty()}; // 0: now, 1: before
        var now = filter.start(zone);
        var split = MonthSplit.of(filter.previous().start(zone), now).and(MonthSplit.of(now, filter.end(zone)));
        var months = new Where().within("c.month", split.months()).complaints("c", filter);
        var rows = new Where().within("c.created_at", split.rows()).complaints("c", filter);
        RowMapper<Integer> add = (rs, ctx) -> {
            Period period = periods[rs.getBoolean("current") ? 0 : 1];
            long[] n = {
                rs.getLong("complaints"),
                rs.getLong("breached"),
                rs.getLong("followed_up"),
                rs.getLong("reopened"),
                rs.getLong("recovered")
            };
            for (Counts counts : new Counts[] {
                period.total(),
                period.byTier().computeIfAbsent(rs.getString("tier"), k -> new Counts()),
                period.byCategory().computeIfAbsent(rs.getString("category"), k -> new Counts()),
                period.byStatus().computeIfAbsent(rs.getString("status"), k -> new Counts())
            }) {
                counts.add(n[0], n[1], n[2], n[3], n[4]);
            }
            return 0;
        };
        jdbi.useTransaction(handle -> {
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Reads.planned(handle);
            if (!split.months().isEmpty()) {
                // A group whose complaints all moved on (another status) is left at zero: it counts for nothing.
                months.bind(handle.createQuery("""
                                SELECT c.month >= :now AS current, c.tier, c.category, c.status, sum(c.complaints) AS complaints,
                                       sum(c.breached) AS breached, sum(c.followed_up) AS followed_up,
                                       sum(c.reopened) AS reopened, sum(c.recovered) AS recovered
                                FROM complaint_counts_monthly c WHERE %s GROUP BY 1, 2, 3, 4
                                HAVING sum(c.complaints) <> 0""".formatted(months.sql())))
                        .bind("now", utc(now))
                        .map(add)
                        .list();
            }
            if (!split.rows().isEmpty()) {
                rows.bind(handle.createQuery("""
                                SELECT c.created_at >= :now AS current, c.tier, c.category, c.status, count(*) AS complaints,
                                       count(c.sla_breached_at) AS breached, count(c.followup_answered_at) AS followed_up,
                                       count(*) FILTER (WHERE c.followup_answered_at IS NOT NULL AND c.reopened) AS reopened,
                                       count(*) FILTER (WHERE c.csat >= 4) AS recovered
                                FROM complaint_figures c WHERE %s GROUP BY 1, 2, 3, 4""".formatted(rows.sql())))
                        .bind("now", utc(now))
                        .map(add)
                        .list();
            }
        });
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
     * complaint's time, sorted in memory (100,000 a year; one sort per period). Each period is its own
     * range of the index complaint_figures_times (V102), read from it alone; both in one snapshot. The
     * overview reads the two measures at the same time, so their sorts run side by side.
     */
    Spread[] spread(Filter filter, Measure measure) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Reads.planned(handle);
            handle.execute("SET LOCAL work_mem = '32MB'");
            return new Spread[] {spread(handle, filter, measure), spread(handle, filter.previous(), measure)};
        });
    }

    /** One period's spread. Minutes in float8: extract() would give numeric, whose sort is several times slower. */
    private Spread spread(Handle handle, Filter period, Measure measure) {
        var where = new Where()
                .between("c.created_at", period.start(zone), period.end(zone))
                .complaints("c", period);
        return where.bind(handle.createQuery("""
                        SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY date_part('epoch', c.%1$s - c.created_at) / 60)
                                 AS median_and_p90,
                               count(c.%1$s) AS measured
                        FROM complaint_figures c WHERE %2$s""".formatted(measure.column, where.sql())))
                .map((rs, ctx) -> {
                    double[] pair = pair(rs.getArray("median_and_p90"));
                    return new Spread(pair[0], pair[1], rs.getLong("measured"));
                })
                .one();
    }

    /** The counts of {@link #counts} with the times of {@link #times}. */
    static Comparison combine(Comparison counts, Times[] times) {
        return new Comparison(with(counts.now(), times[0]), with(counts.before(), times[1]));
    }

    private static Period with(Period period, Times times) {
        return new Period(period.total(), period.byCategory(), period.byStatus(), period.byTier(), times);
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
