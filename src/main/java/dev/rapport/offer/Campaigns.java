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
    private record Progress(String status, String skipReason, long sends, java.sql.Timestamp nextDue) {}

    record Target(long customerId, String name, Tier tier, Language language, Optional<Offers.Ineligible> ineligible) {}

    /**
     * Plans {@code offerId} for its tiers (only {@code tier} when given) or, with {@code dryRun}, prints
     * who would receive what and plans nothing. Returns the number of rows planned now.
     */
    /**
     * {@code text} gives the text of a message key in a language, so a dry run shows what customers read;
     * {@code labels} the words of what is printed for staff (keys {@code offer_campaign.*}).
     */
    public int send(
            Jdbi jdbi,
            String offerId,
            Tier tier,
            boolean dryRun,
            PrintWriter out,
            java.util.function.BiFunction<String, String, String> text,
            dev.rapport.store.Labels labels) {
        Offer offer = offers.settings().require(offerId);
        if (tier != null && !offer.forTier(tier)) {
            throw new IllegalArgumentException("Offer '" + offerId + "' is for tiers " + offer.tiers() + ", not '"
                    + tier + "': choose one of those with --tier, or leave --tier out");
        }
        if (!offer.validOn(offers.today())) {
            throw new IllegalArgumentException(
                    "Offer '" + offerId + "' is valid from " + offer.validFrom() + " to " + offer.validUntil()
                            + ", not today (" + offers.today() + "): change its dates in config/offers.yaml");
        }
        List<Tier> tiers = tier == null ? offer.tiers() : List.of(tier);
        if (dryRun) {
            return jdbi.withHandle(handle -> {
                List<Target> targets = handle.createQuery("""
                                SELECT id, coalesce(name, '') AS name, tier, language FROM customers
                                WHERE tier IN (<tiers>) ORDER BY id""")
                        .bindList("tiers", tiers)
                        .map((row, ctx) -> new Target(
                                row.getLong("id"),
                                row.getString("name"),
                                Tier.of(row.getString("tier")),
                                Language.of(row.getString("language")),
                                offers.ineligible(handle, row.getLong("id"))))
                        .list();
                long sending = targets.stream()
                        .filter(target -> target.ineligible().isEmpty())
                        .count();
                out.println(labels.get(
                        "offer_campaign.dry_run",
                        offer.id(),
                        text.apply("en", offer.title()),
                        text.apply("zh", offer.title()),
                        tiers));
                var table = dev.rapport.store.TextTable.of(
                                labels.get("offer_campaign.customer"),
                                labels.get("offer_campaign.name"),
                                labels.get("offer_campaign.tier"),
                                labels.get("offer_campaign.language"),
                                labels.get("offer_campaign.outcome"))
                        .right(0);
                for (Target target : targets) {
                    table.row(
                            "#" + target.customerId(),
                            target.name(),
                            target.tier(),
                            target.language(),
                            target.ineligible()
                                    .map(reason -> labels.get(
                                            "offer_campaign.skip", reason.name().toLowerCase(java.util.Locale.ROOT)))
                                    .orElse(labels.get(
                                            "offer_campaign.would_receive",
                                            offer.id(),
                                            text.apply(target.language().code(), offer.title()))));
                }
                table.lines().forEach(line -> out.println("  " + line));
                out.println(labels.get("offer_campaign.counts", sending, targets.size() - sending));
                return 0;
            });
        }
        // Planned in the order customers joined (sends go out by due time, then by this row's id), so
        // when the offer's budget runs out the same customers are the ones left out on every run and
        // every instance; without ORDER BY the ids followed the table's physical order.
        int planned = jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO offer_sends (offer_id, customer_id, tier)
                        SELECT :offer, id, tier FROM customers WHERE tier IN (<tiers>) ORDER BY id
                        ON CONFLICT (offer_id, customer_id) DO NOTHING""")
                .bind("offer", offer.id())
                .bindList("tiers", tiers)
                .execute());
        out.println(labels.get(
                "offer_campaign.planned",
                planned,
                offer.id(),
                tiers,
                offers.settings().sendsPerRun(),
                offers.settings().runEvery().toSeconds(),
                offers.settings().quietFrom(),
                offers.settings().quietUntil()));
        status(jdbi, offerId, out, labels);
        return planned;
    }

    /** Prints how far the campaign for {@code offerId} is: sends by status and skip reason. */
    public void status(Jdbi jdbi, String offerId, PrintWriter out, dev.rapport.store.Labels labels) {
        offers.settings().require(offerId);
        var rows = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT status, coalesce(skip_reason, '') AS skip_reason, count(*) AS sends,
                               min(due_at) FILTER (WHERE status = 'planned') AS next_due
                        FROM offer_sends WHERE offer_id = :offer GROUP BY 1, 2 ORDER BY 1, 2""")
                .bind("offer", offerId)
                .map((row, ctx) -> new Progress(
                        row.getString("status"),
                        row.getString("skip_reason"),
                        row.getLong("sends"),
                        row.getTimestamp("next_due")))
                .list());
        long total = rows.stream().mapToLong(Progress::sends).sum();
        long done = rows.stream()
                .filter(row -> !"planned".equals(row.status()))
                .mapToLong(Progress::sends)
                .sum();
        out.println(labels.get("offer_campaign.status", offerId, done, total));
        var table = dev.rapport.store.TextTable.of(
                        labels.get("offer_campaign.state"),
                        labels.get("offer_campaign.sends"),
                        labels.get("offer_campaign.next_due"))
                .right(1);
        for (Progress row : rows) {
            String label = row.skipReason().isEmpty() ? row.status() : row.status() + " (" + row.skipReason() + ")";
            table.row(label, row.sends(), row.nextDue() == null ? "" : row.nextDue());
        }
        table.lines().forEach(line -> out.println("  " + line));
    }
}
