package dev.rapport.dashboard;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handoffs to people in a period (opened in it): by reason (the first reason given), waiting time
 * (opened → first claimed) and first response time (opened → first staff reply), in minutes (median),
 * and per agent: handoffs, median first response and the CSAT customers gave the conversation. The
 * {@code handoffs} table belongs to the handoff feature; until it exists (or while its shape differs
 * from what is read here) the figures are empty and the page says there is no data yet. Read-only;
 * thread-safe.
 */
final class PeopleFigures {

    private static final Logger log = LoggerFactory.getLogger(PeopleFigures.class);

    record ByReason(String reason, long handoffs, double waitingMedian, double firstResponseMedian) {}

    record ByAgent(String agent, long handoffs, double firstResponseMedian, long csatAnswers, double csatMean) {}

    record Result(List<ByReason> reasons, List<ByAgent> agents) {}

    private final Jdbi jdbi;
    private final ZoneId zone;

    PeopleFigures(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** Empty when there is no handoff data to read yet. */
    Optional<Result> compute(Filter filter) {
        boolean present = jdbi.withHandle(handle -> handle.createQuery("SELECT to_regclass('handoffs') IS NOT NULL")
                .mapTo(Boolean.class)
                .one());
        if (!present) {
            return Optional.empty();
        }
        var where = new Where()
                .between("h.opened_at", filter.start(zone), filter.end(zone))
                .in("h.tier", filter.tiers())
                .in("h.channel", filter.channels());
        try {
            return Optional.of(jdbi.inTransaction(handle -> {
                handle.execute("SET TRANSACTION READ ONLY");
                Reads.planned(handle);
                var reasons = where.bind(handle.createQuery("""
                                SELECT coalesce(h.reasons -> 0 ->> 'reason', 'other') AS reason, count(*) AS handoffs,
                                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.claimed_at - h.opened_at) / 60)
                                           AS waiting_median,
                                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.first_response_at - h.opened_at) / 60)
                                           AS first_response_median
                                FROM handoffs h WHERE %s GROUP BY 1 ORDER BY 2 DESC, 1""".formatted(where.sql())))
                        .map((rs, ctx) -> new ByReason(
                                rs.getString("reason"),
                                rs.getLong("handoffs"),
                                ComplaintFigures.number(rs.getObject("waiting_median")),
                                ComplaintFigures.number(rs.getObject("first_response_median"))))
                        .list();
                var agents = where.bind(handle.createQuery("""
                                SELECT h.owner_name, count(*) AS handoffs,
                                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.first_response_at - h.opened_at) / 60)
                                           AS first_response_median,
                                       count(h.csat) AS csat_answers, avg(h.csat) AS csat_mean
                                FROM handoffs h WHERE %s AND h.owner_name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1""".formatted(where.sql())))
                        .map((rs, ctx) -> new ByAgent(
                                rs.getString("owner_name"),
                                rs.getLong("handoffs"),
                                ComplaintFigures.number(rs.getObject("first_response_median")),
                                rs.getLong("csat_answers"),
                                ComplaintFigures.number(rs.getObject("csat_mean"))))
                        .list();
                return new Result(reasons, agents);
            }));
        } catch (RuntimeException e) {
            log.warn(
                    "The handoffs table is not in the shape the dashboard reads; People shows no data: {}",
                    e.getMessage());
            return Optional.empty();
        }
    }
}
