package dev.rapport.offer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.domain.Tier;
import dev.rapport.feature.ApiRoute;
import dev.rapport.store.EventLog;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Redeeming codes (the shop's {@code POST /api/offers/redeem}, or {@code offers redeem CODE}) and the
 * figures per offer and tier. A code works once: the update that marks it redeemed only matches an
 * unredeemed row, so two concurrent redemptions cannot both succeed. Thread-safe.
 */
public final class Redemptions {

    private final Jdbi jdbi;
    private final Offers offers;

    public Redemptions(Jdbi jdbi, Offers offers) {
        this.jdbi = jdbi;
        this.offers = offers;
    }

    /** What a successful redemption answers. */
    public record Redeemed(String code, String offer, long customerId, Tier tier, Instant redeemedAt) {}

    /** A code as stored, mapped by column name. */
    record IssuedCode(String offerId, long customerId, Tier tier, Instant redeemedAt) {}

    /** Why a code cannot be redeemed; the message says what to do. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Redeems {@code typed} (case, spaces and dashes do not matter) or throws {@link Refused}. */
    public Redeemed redeem(String typed, String via) {
        String code = Codes.normalise(typed);
        if (code.isEmpty()) {
            throw new Refused("no code given: expected the customer's offer code, such as ABCD2345EF");
        }
        return jdbi.inTransaction(handle -> {
            var row = handle.createQuery("""
                            SELECT offer_id, customer_id, tier, redeemed_at FROM offer_codes WHERE code = :code FOR UPDATE""")
                    .bind("code", code)
                    .map(ConstructorMapper.of(IssuedCode.class))
                    .findOne();
            if (row.isEmpty()) {
                throw new Refused("code '" + code + "' is unknown: check it was typed as the customer shows it");
            }
            String offerId = row.get().offerId();
            if (row.get().redeemedAt() != null) {
                throw new Refused("code '" + code + "' was already redeemed at "
                        + row.get().redeemedAt() + "; a code works once");
            }
            Optional<Offer> offer = offers.settings().offer(offerId);
            if (offer.isPresent() && offer.get().validUntil().isBefore(offers.today())) {
                throw new Refused("code '" + code + "' is for offer '" + offerId + "', which ended on "
                        + offer.get().validUntil());
            }
            Instant now = offers.now();
            handle.createUpdate("UPDATE offer_codes SET redeemed_at = :now, redeemed_via = :via WHERE code = :code")
                    .bind("now", now)
                    .bind("via", via)
                    .bind("code", code)
                    .execute();
            long customer = row.get().customerId();
            EventLog.record(
                    handle,
                    OfferEvent.REDEEMED,
                    null,
                    null,
                    customer,
                    Map.of("offer", offerId, "code", code, "via", via));
            return new Redeemed(code, offerId, customer, row.get().tier(), now);
        });
    }

    /** {@code POST /api/offers/redeem} with {@code {"code": "..."}}. */
    public ApiRoute route() {
        return new ApiRoute("/offers/redeem", this::redeemRequest);
    }

    private Object redeemRequest(JsonNode body) {
        JsonNode code = body.get("code");
        if (code == null || !code.isTextual()) {
            throw new ApiRoute.BadRequest(
                    "field 'code': expected the offer code as a string, such as {\"code\": \"ABCD2345EF\"}");
        }
        try {
            return redeem(code.asText(), "api");
        } catch (Refused e) {
            throw new ApiRoute.BadRequest("field 'code': " + e.getMessage());
        }
    }

    /** Prints, per offer and tier: codes issued, value issued, redeemed, redemption rate, sends planned/sent/skipped. */
    public void stats(PrintWriter out, dev.rapport.store.Labels labels) {
        var rows = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT offer_id, tier, count(*) AS issued, sum(value) AS value, count(redeemed_at) AS redeemed,
                               count(*) FILTER (WHERE issued_via = 'campaign') AS campaign
                        FROM offer_codes GROUP BY 1, 2 ORDER BY 1, 2""")
                .map((rs, ctx) -> {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("offer", rs.getString("offer_id"));
                    row.put("tier", rs.getString("tier"));
                    row.put("issued", rs.getLong("issued"));
                    row.put("value", rs.getBigDecimal("value"));
                    row.put("redeemed", rs.getLong("redeemed"));
                    row.put("campaign", rs.getLong("campaign"));
                    return row;
                })
                .list());
        var table = dev.rapport.store.TextTable.of(
                        labels.get("offers.offer"),
                        labels.get("offers.tier"),
                        labels.get("offers.issued"),
                        labels.get("offers.value"),
                        labels.get("offers.redeemed"),
                        labels.get("offers.rate"),
                        labels.get("offers.campaign"))
                .right(2, 3, 4, 5, 6);
        for (var row : rows) {
            long issued = (Long) row.get("issued");
            long redeemed = (Long) row.get("redeemed");
            table.row(
                    row.get("offer"),
                    row.get("tier"),
                    issued,
                    row.get("value"),
                    redeemed,
                    String.format(java.util.Locale.ROOT, "%.0f%%", issued == 0 ? 0.0 : 100.0 * redeemed / issued),
                    row.get("campaign"));
        }
        table.print(out);
        if (rows.isEmpty()) {
            out.println(labels.get("offers.none"));
        }
        offers.settings()
                .offers()
                .values()
                .forEach(offer -> jdbi.useHandle(handle -> {
                    var left = offers.budgetLeft(handle, offer);
                    if (!left) {
                        out.println(labels.get("offers.budget_used", offer.id(), offer.maxSends(), offer.maxValue()));
                    }
                }));
    }
}
