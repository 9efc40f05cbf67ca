package dev.rapport.offer;

import dev.rapport.domain.Tier;
import dev.rapport.store.EventLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The offer catalogue at work: which offers a tier has today, issuing a customer's code within the
 * offer's budget, and the consent checks for offering proactively. The service other features
 * (win-back) use. Every call runs in the caller's transaction. Stateless apart from immutable
 * settings; thread-safe.
 */
public final class Offers {

    /** Why a customer is not offered anything proactively now. */
    public enum Ineligible {
        OPTED_OUT,
        UNREACHABLE,
        OPEN_COMPLAINT,
        RECENTLY_OFFERED
    }

    private final OfferSettings settings;
    private final ZoneId businessZone;
    private final Clock clock;
    private final Codes codes = new Codes();

    public Offers(OfferSettings settings, ZoneId businessZone, Clock clock) {
        this.settings = settings;
        this.businessZone = businessZone;
        this.clock = clock;
    }

    public OfferSettings settings() {
        return settings;
    }

    /** Now, on the clock every offer decision is made with. */
    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }

    /** The menu offers for {@code tier} valid today, in catalogue order. */
    List<Offer> menuFor(Tier tier) {
        LocalDate today = today();
        return settings.offers().values().stream()
                .filter(offer -> offer.inMenu() && offer.forTier(tier) && offer.validOn(today))
                .toList();
    }

    /** The customer's code for the offer, if one was issued. */
    public Optional<IssuedOffer> issued(Handle handle, Offer offer, long customerId) {
        return handle.createQuery("""
                        SELECT code, issued_at, redeemed_at FROM offer_codes
                        WHERE offer_id = :offer AND customer_id = :customer""")
                .bind("offer", offer.id())
                .bind("customer", customerId)
                .map((rs, ctx) -> new IssuedOffer(
                        offer,
                        rs.getString("code"),
                        rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("redeemed_at") == null
                                ? null
                                : rs.getTimestamp("redeemed_at").toInstant()))
                .findOne();
    }

    /**
     * The customer's code for {@code offer}: the one issued before, or a new one when the offer is valid
     * today, is for the customer's tier and its budget (sends and value) has room. Empty otherwise.
     * Issuing locks the offer's budget for the rest of the transaction, so two transactions never both
     * take its last place. Idempotent per customer and offer.
     */
    public Optional<IssuedOffer> issue(Handle handle, Offer offer, long customerId, Tier tier, String via) {
        Optional<IssuedOffer> existing = issued(handle, offer, customerId);
        if (existing.isPresent()) {
            return existing;
        }
        if (!offer.forTier(tier) || !offer.validOn(today())) {
            return Optional.empty();
        }
        handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('offer-budget:' || :offer))) locked")
                .bind("offer", offer.id())
                .mapTo(Integer.class)
                .one();
        if (!budgetLeft(handle, offer)) {
            return Optional.empty();
        }
        String code = codes.next();
        Instant now = clock.instant();
        int inserted = handle.createUpdate("""
                        INSERT INTO offer_codes (code, offer_id, customer_id, tier, value, issued_via, issued_at)
                        VALUES (:code, :offer, :customer, :tier, :value, :via, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("code", code)
                .bind("offer", offer.id())
                .bind("customer", customerId)
                .bind("tier", tier)
                .bind("value", offer.value())
                .bind("via", via)
                .bind("now", now)
                .execute();
        if (inserted == 0) {
            // Another turn issued this customer's code meanwhile, or (once in 10^15) the code was taken.
            return issued(handle, offer, customerId).or(() -> issue(handle, offer, customerId, tier, via));
        }
        EventLog.record(
                handle,
                OfferEvent.CODE_ISSUED,
                null,
                null,
                customerId,
                Map.of("offer", offer.id(), "tier", tier, "via", via));
        return Optional.of(new IssuedOffer(offer, code, now, null));
    }

    /** True while fewer than {@code maxSends} codes are issued and one more fits {@code maxValue}. */
    boolean budgetLeft(Handle handle, Offer offer) {
        BudgetUsed used = handle.createQuery(
                        "SELECT count(*) AS sends, coalesce(sum(value), 0) AS value FROM offer_codes WHERE offer_id = :offer")
                .bind("offer", offer.id())
                .map(ConstructorMapper.of(BudgetUsed.class))
                .one();
        return used.sends() < offer.maxSends()
                && used.value().add(offer.value()).compareTo(offer.maxValue()) <= 0;
    }

    /** What an offer's codes have used of its budget so far. */
    record BudgetUsed(long sends, BigDecimal value) {}

    /** What decides whether a customer may be offered anything now, read in one query. */
    record Consent(boolean optedOut, boolean unreachable, boolean recentlyOffered, boolean complaintsExist) {}

    /**
     * Why the customer may not be offered anything proactively now, or empty when they may: opted out,
     * no reachable chat, an open complaint, or a code issued within {@code recent_offer_days}. The
     * complaint check runs only once the {@code complaints} table exists; a complaint counts as open
     * while its status is neither {@code resolved} nor {@code closed}.
     */
    public Optional<Ineligible> ineligible(Handle handle, long customerId) {
        var row = handle.createQuery("""
                        SELECT c.opted_out_at IS NOT NULL AS opted_out,
                               NOT EXISTS (SELECT 1 FROM channel_accounts a
                                           WHERE a.customer_id = c.id AND a.unreachable_at IS NULL) AS unreachable,
                               EXISTS (SELECT 1 FROM offer_codes o WHERE o.customer_id = c.id
                                       AND o.issued_at > CAST(:now AS timestamptz) - make_interval(days => :days))
                                   AS recently_offered,
                               to_regclass('complaints') IS NOT NULL AS complaints_exist
                        FROM customers c WHERE c.id = :customer""")
                .bind("customer", customerId)
                .bind("now", clock.instant())
                .bind("days", settings.recentOfferDays())
                .map(ConstructorMapper.of(Consent.class))
                .one();
        if (row.optedOut()) {
            return Optional.of(Ineligible.OPTED_OUT);
        }
        if (row.unreachable()) {
            return Optional.of(Ineligible.UNREACHABLE);
        }
        if (row.complaintsExist() && openComplaint(handle, customerId)) {
            return Optional.of(Ineligible.OPEN_COMPLAINT);
        }
        if (row.recentlyOffered()) {
            return Optional.of(Ineligible.RECENTLY_OFFERED);
        }
        return Optional.empty();
    }

    private static boolean openComplaint(Handle handle, long customerId) {
        return handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM complaints WHERE customer_id = :customer
                                       AND status NOT IN ('resolved', 'closed'))""")
                .bind("customer", customerId)
                .mapTo(Boolean.class)
                .one();
    }

    /** The variables of message {@code offer.item} for an issued code: title, text, code, until. */
    public Map<String, Object> vars(
            IssuedOffer issued, java.util.function.BiFunction<String, Map<String, ?>, String> text) {
        return Map.of(
                "title",
                text.apply(issued.offer().title(), Map.of()),
                "text",
                text.apply(issued.offer().text(), Map.of()),
                "code",
                issued.code(),
                "until",
                issued.offer().validUntil().toString());
    }
}
