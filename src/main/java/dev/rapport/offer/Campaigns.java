package dev.rapport.offer;

import dev.rapport.domain.Language;
import dev.rapport.domain.Tier;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Planning campaigns and reporting on them, for the {@code campaign} command. A plan is one
 * {@code offer_sends} row per offer and customer (unique), so planning twice plans once; the job
 * {@code offer.campaign_sends} delivers the rows. Stateless apart from immutable settings; thread-safe.
 */
public final class Campaigns {

    private final Offers offers;

    public Campaigns(Offers offers) {
        this.offers = offers;
    }

    /** A customer a campaign would reach, and why it would not send now (empty: it would). */
    /** The sends of one status and skip reason, and when the next planned one is due. */
    private record Progress(String status, String skipReason, long sends, java.sql.Timestamp nextDue) {
    }

    record Target(long customerId, String name, Tier tier, Language language, Optional<Offers.Ineligible> ineligible) {
    }

    /**
     * Plans {@code offerId} for its tiers (only {@code tier} when given) or, with {@code dryRun}, prints
     * who would receive what and plans nothing. Returns the number of rows planned now.
     */
    public int send(Jdbi jdbi, String offerId, Tier tier, boolean dryRun, PrintWriter out) {
        return send(jdbi, offerId, tier, dryRun, out, (language, key) -> key);
    }

    /** As above; {@code text} gives the text of a message key in a language, so a dry run shows what customers read. */
    public int send(Jdbi jdbi, String offerId, Tier tier, boolean dryRun, PrintWriter out,
                    java.util.function.BiFunction<String, String, String> text) {
        Offer offer = offers.settings().require(offerId);
        if (tier != null && !offer.forTier(tier)) {
            throw new IllegalArgumentException("Offer '" + offerId + "' is for tiers " + offer.tiers()
                    + ", not '" + tier + "': choose one of those with --tier, or leave --tier out");
        }
        if (!offer.validOn(offers.today())) {
            throw new IllegalArgumentException("Offer '" + offerId + "' is valid from " + offer.validFrom() + " to "
                    + offer.validUntil() + ", not today (" + offers.today() + "): change its dates in config/offers.yaml");
        }
        List<Tier> tiers = tier == null ? offer.tiers() : List.of(tier);
        if (dryRun) {
            return jdbi.withHandle(handle -> {
                List<Target> targets = handle.createQuery("""
                                SELECT id, coalesce(name, '') AS name, tier, language FROM customers
                                WHERE tier IN (<tiers>) ORDER BY id""")
                        .bindList("tiers", tiers)
                        .map((row, ctx) -> new Target(row.getLong("id"), row.getString("name"), Tier.of(row.getString("tier")),
                                Language.of(row.getString("language")), offers.ineligible(handle, row.getLong("id"))))
                        .list();
                long sending = targets.stream().filter(target -> target.ineligible().isEmpty()).count();
                out.printf("Dry run: offer %s (\"%s\" / \"%s\") for tiers %s — nothing is planned or sent.%n",
                        offer.id(), text.apply("en", offer.title()), text.apply("zh", offer.title()), tiers);
                for (Target target : targets) {
                    out.printf("  customer %d %-20s %-8s %s  %s%n", target.customerId(), target.name(), target.tier(),
                            target.language(), target.ineligible()
                                    .map(reason -> "skip: " + reason.name().toLowerCase(java.util.Locale.ROOT))
                                    .orElse("would receive " + offer.id() + " \""
                                            + text.apply(target.language().code(), offer.title()) + "\""));
                }
                out.printf("%d would receive it, %d would be skipped (consent is checked again at send time).%n",
                        sending, targets.size() - sending);
                return 0;
            });
        }
        int planned = jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO offer_sends (offer_id, customer_id, tier)
                        SELECT :offer, id, tier FROM customers WHERE tier IN (<tiers>)
                        ON CONFLICT (offer_id, customer_id) DO NOTHING""")
                .bind("offer", offer.id()).bindList("tiers", tiers).execute());
        out.printf("Planned %d new sends of offer %s for tiers %s; the job offer.campaign_sends delivers them,"
                        + " %d per run every %d s, outside quiet hours %s-%s.%n", planned, offer.id(), tiers,
                offers.settings().sendsPerRun(), offers.settings().runEvery().toSeconds(),
                offers.settings().quietFrom(), offers.settings().quietUntil());
        status(jdbi, offerId, out);
        return planned;
    }

    /** Prints how far the campaign for {@code offerId} is: sends by status and skip reason. */
    public void status(Jdbi jdbi, String offerId, PrintWriter out) {
        offers.settings().require(offerId);
        var rows = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT status, coalesce(skip_reason, '') AS skip_reason, count(*) AS sends,
                               min(due_at) FILTER (WHERE status = 'planned') AS next_due
                        FROM offer_sends WHERE offer_id = :offer GROUP BY 1, 2 ORDER BY 1, 2""")
                .bind("offer", offerId)
                .map((row, ctx) -> new Progress(row.getString("status"), row.getString("skip_reason"),
                        row.getLong("sends"), row.getTimestamp("next_due")))
                .list());
        long total = rows.stream().mapToLong(Progress::sends).sum();
        long done = rows.stream().filter(row -> !"planned".equals(row.status())).mapToLong(Progress::sends).sum();
        out.printf("Campaign %s: %d of %d done%n", offerId, done, total);
        for (Progress row : rows) {
            String label = row.skipReason().isEmpty() ? row.status() : row.status() + " (" + row.skipReason() + ")";
            out.printf("  %-30s %d%s%n", label, row.sends(), row.nextDue() == null ? "" : ", next due " + row.nextDue());
        }
    }
}
