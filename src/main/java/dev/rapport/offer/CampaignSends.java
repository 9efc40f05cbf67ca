package dev.rapport.offer;

import dev.rapport.domain.Tier;
import dev.rapport.engine.Outreach;
import dev.rapport.store.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of job {@code offer.campaign_sends}: takes up to {@code sends_per_run} due planned rows and,
 * for each, checks consent again (opted out, unreachable, open complaint, offered recently → skipped),
 * defers it to the end of quiet hours in the customer's time zone, skips it when the offer has expired
 * or its budget is spent, or issues the customer's code and starts the {@code offers} flow in their
 * chat through {@link Outreach} (key {@code offer:<offer>:<customer>}). Each row is decided in its own
 * transaction together with its outreach, so a crash half-way loses nothing and sends nothing twice.
 * Rows are claimed with {@code SKIP LOCKED}, so two instances never take the same row. Thread-safe.
 */
final class CampaignSends implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CampaignSends.class);

    private final Jdbi jdbi;
    private final Offers offers;
    private final Outreach outreach;
    private final ZoneId businessZone;
    private final Clock clock;

    CampaignSends(Jdbi jdbi, Offers offers, Outreach outreach, ZoneId businessZone, Clock clock) {
        this.jdbi = jdbi;
        this.offers = offers;
        this.outreach = outreach;
        this.businessZone = businessZone;
        this.clock = clock;
    }

    private record Due(long id, String offerId, long customerId, Tier tier, String timeZone) {}

    @Override
    public void run() {
        int handled = 0;
        int limit = offers.settings().sendsPerRun();
        while (handled < limit && jdbi.inTransaction(this::handleOne)) {
            handled++;
        }
        if (handled > 0) {
            log.info("Campaign sends: handled {} planned sends (at most {} per run)", handled, limit);
        }
    }

    /** Decides one due row; false when none is due. */
    private boolean handleOne(Handle handle) {
        Instant now = clock.instant();
        Optional<Due> found = handle.createQuery("""
                        SELECT s.id, s.offer_id, s.customer_id, c.tier, c.time_zone
                        FROM offer_sends s JOIN customers c ON c.id = s.customer_id
                        WHERE s.status = 'planned' AND s.due_at <= :now
                        ORDER BY s.due_at, s.id LIMIT 1
                        FOR UPDATE OF s SKIP LOCKED""")
                .bind("now", now)
                .map((row, ctx) -> new Due(
                        row.getLong("id"),
                        row.getString("offer_id"),
                        row.getLong("customer_id"),
                        Tier.of(row.getString("tier")),
                        row.getString("time_zone")))
                .findOne();
        if (found.isEmpty()) {
            return false;
        }
        Due due = found.get();
        Optional<Offer> offer = offers.settings().offer(due.offerId());
        if (offer.isEmpty() || !offer.get().validOn(offers.today())) {
            skip(handle, due, "expired");
            return true;
        }
        Optional<Instant> later = offers.settings().quietHours().deferredUntil(now, zoneOf(due));
        if (later.isPresent()) {
            handle.createUpdate("UPDATE offer_sends SET due_at = :later WHERE id = :id")
                    .bind("later", later.get())
                    .bind("id", due.id())
                    .execute();
            return true;
        }
        Optional<Offers.Ineligible> ineligible = offers.ineligible(handle, due.customerId());
        if (ineligible.isPresent()) {
            skip(handle, due, ineligible.get().name().toLowerCase(java.util.Locale.ROOT));
            return true;
        }
        if (!offer.get().forTier(due.tier())) {
            skip(handle, due, "tier_changed");
            return true;
        }
        Optional<IssuedOffer> issued = offers.issue(handle, offer.get(), due.customerId(), due.tier(), "campaign");
        if (issued.isEmpty()) {
            skip(handle, due, "budget");
            return true;
        }
        boolean queued = outreach.start(
                handle,
                "offer:" + due.offerId() + ":" + due.customerId(),
                due.customerId(),
                "offers",
                Map.of(ShowOffers.CAMPAIGN_SLOT, due.offerId()));
        handle.createUpdate("UPDATE offer_sends SET status = 'sent', done_at = :now WHERE id = :id")
                .bind("now", now)
                .bind("id", due.id())
                .execute();
        EventLog.record(
                handle,
                OfferEvent.CAMPAIGN_SENT,
                null,
                null,
                due.customerId(),
                Map.of("offer", due.offerId(), "queued", queued));
        return true;
    }

    private ZoneId zoneOf(Due due) {
        if (due.timeZone() == null || due.timeZone().isBlank()) {
            return businessZone;
        }
        try {
            return ZoneId.of(due.timeZone());
        } catch (java.time.DateTimeException e) {
            log.warn(
                    "Customer {} has time zone '{}', which is not an IANA zone; using the business's {}",
                    due.customerId(),
                    due.timeZone(),
                    businessZone);
            return businessZone;
        }
    }

    private static void skip(Handle handle, Due due, String reason) {
        handle.createUpdate(
                        "UPDATE offer_sends SET status = 'skipped', skip_reason = :reason, done_at = now() WHERE id = :id")
                .bind("reason", reason)
                .bind("id", due.id())
                .execute();
        EventLog.record(
                handle,
                OfferEvent.CAMPAIGN_SKIPPED,
                null,
                null,
                due.customerId(),
                Map.of("offer", due.offerId(), "reason", reason));
    }
}
