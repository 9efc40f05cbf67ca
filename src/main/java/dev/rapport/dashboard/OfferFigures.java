package dev.rapport.dashboard;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Offers and win-back in a period. Offers: codes issued in the period (a customer was shown the offer,
 * from the menu, a campaign or a win-back dialogue), of those the redeemed ones (whenever redeemed),
 * conversion = redeemed ÷ issued, budget used = the sum of the issued codes' values; per offer and
 * tier. Campaign sends: planned sends delivered in the period. Win-back: cases started in the period by
 * the reason the customer gave and the outcome (open while undecided); won-back rate = won back ÷
 * decided cases, per tier and reason. Read-only; thread-safe.
 */
final class OfferFigures {

    record OfferRow(String offer, String tier, long issued, long redeemed, BigDecimal budgetUsed) {
        double conversion() {
            return issued == 0 ? Double.NaN : (double) redeemed / issued;
        }
    }

    /** Win-back cases of one reason (or tier): outcome → cases. */
    static final class Cases {
        final Map<String, Long> byOutcome = new TreeMap<>();

        long count(String outcome) {
            return byOutcome.getOrDefault(outcome, 0L);
        }

        long total() {
            return byOutcome.values().stream().mapToLong(Long::longValue).sum();
        }

        double wonBackRate() {
            long decided = count("won_back") + count("lost");
            return decided == 0 ? Double.NaN : (double) count("won_back") / decided;
        }
    }

    record Result(
            List<OfferRow> offers,
            Map<String, Long> campaignSends,
            Map<String, Cases> winbackByReason,
            Map<String, Cases> winbackByTier) {}

    private final Jdbi jdbi;
    private final ZoneId zone;

    OfferFigures(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    Result compute(Filter filter) {
        var codes = new Where()
                .between("o.issued_at", filter.start(zone), filter.end(zone))
                .in("o.tier", filter.tiers());
        var sends = new Where()
                .between("s.done_at", filter.start(zone), filter.end(zone))
                .in("s.tier", filter.tiers())
                .and("s.status = 'sent'");
        var cases = new Where()
                .between("w.started_at", filter.start(zone), filter.end(zone))
                .in("w.tier", filter.tiers());
        return Reads.of(jdbi, handle -> {
            var offers = codes.bind(handle.createQuery("""
                            SELECT o.offer_id AS offer, o.tier, count(*) AS issued, count(o.redeemed_at) AS redeemed,
                                   sum(o.value) AS budget_used
                            FROM offer_codes o WHERE %s GROUP BY 1, 2 ORDER BY 1, 2""".formatted(codes.sql())))
                    .map(ConstructorMapper.of(OfferRow.class))
                    .list();
            Map<String, Long> campaignSends = new TreeMap<>();
            sends.bind(handle.createQuery("SELECT s.offer_id, count(*) AS sends FROM offer_sends s WHERE %s GROUP BY 1"
                            .formatted(sends.sql())))
                    .map((rs, ctx) -> campaignSends.put(rs.getString("offer_id"), rs.getLong("sends")))
                    .list();
            Map<String, Cases> byReason = new TreeMap<>();
            Map<String, Cases> byTier = new TreeMap<>();
            cases.bind(handle.createQuery("""
                            SELECT coalesce(w.reason, 'unknown') AS reason, w.tier, coalesce(w.outcome, 'open') AS outcome,
                                   count(*) AS cases
                            FROM winback_cases w WHERE %s GROUP BY 1, 2, 3""".formatted(cases.sql())))
                    .map((rs, ctx) -> {
                        byReason.computeIfAbsent(rs.getString("reason"), k -> new Cases())
                                .byOutcome
                                .merge(rs.getString("outcome"), rs.getLong("cases"), Long::sum);
                        byTier.computeIfAbsent(rs.getString("tier"), k -> new Cases())
                                .byOutcome
                                .merge(rs.getString("outcome"), rs.getLong("cases"), Long::sum);
                        return 0;
                    })
                    .list();
            return new Result(offers, campaignSends, byReason, byTier);
        });
    }
}
