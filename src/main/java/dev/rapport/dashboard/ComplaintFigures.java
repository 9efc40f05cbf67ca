package dev.rapport.dashboard;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The complaint figures of a period: complaints made in it, by category, status and tier (the
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
    record Times(double firstResponseMedian, double firstResponseP90, long responded, double resolutionMedian,
                 double resolutionP90, long resolved) {
    }

    record Period(Counts total, Map<String, Counts> byCategory, Map<String, Counts> byStatus, Map<String, Counts> byTier,
                  Times times) {
    }

    private final Jdbi jdbi;
    private final ZoneId zone;

    ComplaintFigures(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** The period and the previous one of the same length. */
    record Comparison(Period now, Period before) {
    }

    /** Both periods in two queries (one for the counts, one for the times), each grouped by period. */
    Comparison compute(Filter filter) {
        Period[] periods = {empty(), empty()};   // 0: now, 1: before
        Filter previous = filter.previous();
        var where = new Where().between("c.created_at", previous.start(zone), filter.end(zone)).complaints("c", filter);
        var now = utc(filter.start(zone));
        jdbi.useHandle(handle -> {
            where.bind(handle.createQuery("""
                            SELECT c.created_at >= :now, c.tier, c.category, c.status, count(*), count(c.sla_breached_at),
                                   count(c.followup_answered_at),
                                   count(*) FILTER (WHERE c.followup_answered_at IS NOT NULL AND EXISTS (
                                       SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.to_status = 'reopened')),
                                   count(*) FILTER (WHERE c.csat >= 4)
                            FROM complaints c WHERE %s GROUP BY 1, 2, 3, 4""".formatted(where.sql())))
                    .bind("now", now)
                    .map((rs, ctx) -> {
                        Period period = periods[rs.getBoolean(1) ? 0 : 1];
                        long[] n = {rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)};
                        for (Counts counts : new Counts[] {period.total(),
                                period.byTier().computeIfAbsent(rs.getString(2), k -> new Counts()),
                                period.byCategory().computeIfAbsent(rs.getString(3), k -> new Counts()),
                                period.byStatus().computeIfAbsent(rs.getString(4), k -> new Counts())}) {
                            counts.add(n[0], n[1], n[2], n[3], n[4]);
                        }
                        return 0;
                    }).list();
            where.bind(handle.createQuery("""
                            SELECT current,
                                   percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response),
                                   percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response), count(first_response),
                                   percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution),
                                   percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution), count(resolution)
                            FROM (SELECT c.created_at >= :now AS current,
                                         extract(epoch FROM (SELECT min(e.occurred_at) FROM complaint_events e
                                                             WHERE e.complaint_id = c.id
                                                               AND e.to_status IN ('in_progress', 'resolved'))
                                                        - c.created_at) / 60 AS first_response,
                                         extract(epoch FROM c.resolved_at - c.created_at) / 60 AS resolution
                                  FROM complaints c WHERE %s) t
                            GROUP BY current""".formatted(where.sql())))
                    .bind("now", now)
                    .map((rs, ctx) -> {
                        int at = rs.getBoolean(1) ? 0 : 1;
                        Period period = periods[at];
                        periods[at] = new Period(period.total(), period.byCategory(), period.byStatus(), period.byTier(),
                                new Times(number(rs.getObject(2)), number(rs.getObject(3)), rs.getLong(4),
                                        number(rs.getObject(5)), number(rs.getObject(6)), rs.getLong(7)));
                        return 0;
                    }).list();
        });
        return new Comparison(periods[0], periods[1]);
    }

    private static Period empty() {
        return new Period(new Counts(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new Times(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, 0));
    }

    static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
