package dev.rapport.winback;

import dev.rapport.domain.Tier;
import dev.rapport.engine.Outreach;
import dev.rapport.offer.Offers;
import dev.rapport.store.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of job {@code winback.scan}: finds customers whose last purchase is older than their tier's
 * {@code lapsed_after_days}, who have not opted out, have a reachable chat, no open complaint, no open
 * win-back case and none started within {@code approach_again_after_days}, and starts the
 * {@code winback} dialogue in their chat (outreach key {@code winback:<case>}). Each customer's case and
 * outreach commit together; a rerun finds the case and does not approach them again. Thread-safe.
 */
final class LapseScan implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LapseScan.class);
    private static final int BATCH = 500;

    private final Jdbi jdbi;
    private final WinbackSettings settings;
    private final Offers offers;
    private final Outreach outreach;
    private final Clock clock;
    private final ZoneId businessZone;

    LapseScan(Jdbi jdbi, WinbackSettings settings, Offers offers, Outreach outreach, ZoneId businessZone, Clock clock) {
        this.jdbi = jdbi;
        this.businessZone = businessZone;
        this.settings = settings;
        this.offers = offers;
        this.outreach = outreach;
        this.clock = clock;
    }

    record Lapsed(long customerId, Tier tier, String timeZone) {}

    @Override
    public void run() {
        Instant now = clock.instant();
        int approached = 0;
        for (var tier : settings.tiers().entrySet()) {
            List<Lapsed> lapsed = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT c.id AS customer_id, c.tier, c.time_zone FROM customers c
                            WHERE c.tier = :tier AND c.opted_out_at IS NULL
                              -- only customers with a chat to write to: a batch of customers who cannot be
                              -- reached would otherwise come back first on every scan and hide the rest
                              AND EXISTS (SELECT 1 FROM channel_accounts a
                                          WHERE a.customer_id = c.id AND a.unreachable_at IS NULL)
                              AND (SELECT max(p.purchased_at) FROM purchases p WHERE p.customer_id = c.id)
                                  < CAST(:now AS timestamptz) - make_interval(days => :lapsedDays)
                              AND NOT EXISTS (SELECT 1 FROM winback_cases w WHERE w.customer_id = c.id
                                  AND (w.outcome IS NULL
                                       OR w.started_at > CAST(:now AS timestamptz) - make_interval(days => :againDays)))
                            ORDER BY c.id LIMIT :batch""")
                    .bind("tier", tier.getKey())
                    .bind("now", now)
                    .bind("lapsedDays", tier.getValue().lapsedAfterDays())
                    .bind("againDays", settings.approachAgainDays())
                    .bind("batch", BATCH)
                    .map(ConstructorMapper.of(Lapsed.class))
                    .list());
            for (Lapsed customer : lapsed) {
                if (approach(customer, now)) {
                    approached++;
                }
            }
        }
        if (approached > 0) {
            log.info("Win-back scan: approached {} lapsed customers", approached);
        }
    }

    private boolean approach(Lapsed customer, Instant now) {
        if (offers.settings().quietHours().deferredUntil(now, zoneOf(customer)).isPresent()) {
            return false; // night where the customer lives: a scan after the quiet hours approaches them
        }
        return jdbi.inTransaction(handle -> {
            var ineligible = offers.ineligible(handle, customer.customerId());
            if (ineligible.isPresent() && ineligible.get() != Offers.Ineligible.RECENTLY_OFFERED) {
                return false; // opted out, unreachable or an open complaint: not now; a later scan looks again
            }
            var opened = handle.createQuery("""
                            INSERT INTO winback_cases (customer_id, tier, trigger, started_at)
                            VALUES (:customer, :tier, 'lapsed', :now)
                            ON CONFLICT (customer_id) WHERE outcome IS NULL DO NOTHING RETURNING id""")
                    .bind("customer", customer.customerId())
                    .bind("tier", customer.tier())
                    .bind("now", now)
                    .mapTo(Long.class)
                    .findOne();
            if (opened.isEmpty()) {
                return false; // another scan, or the customer's own "cancel", opened a case meanwhile
            }
            long id = opened.get();
            if (!outreach.start(
                    handle,
                    "winback:" + id,
                    customer.customerId(),
                    "winback",
                    Map.of(WinbackActions.CASE_SLOT, String.valueOf(id)))) {
                handle.createUpdate("DELETE FROM winback_cases WHERE id = :id")
                        .bind("id", id)
                        .execute();
                return false;
            }
            EventLog.record(
                    handle,
                    WinbackEvent.OPENED,
                    null,
                    null,
                    customer.customerId(),
                    Map.of("case", id, "trigger", "lapsed", "tier", customer.tier()));
            return true;
        });
    }

    /** The customer's own time zone, or the business's when they have none (or one Java does not know). */
    private ZoneId zoneOf(Lapsed customer) {
        if (customer.timeZone() == null) {
            return businessZone;
        }
        try {
            return ZoneId.of(customer.timeZone());
        } catch (java.time.DateTimeException e) {
            return businessZone;
        }
    }
}
