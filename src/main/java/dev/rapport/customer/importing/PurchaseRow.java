package dev.rapport.customer.importing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One purchase as the shop reports it, from a CSV row or an API object, validated.
 *
 * @param margin   null when the shop does not know it
 * @param currency ISO 4217 code, upper case, or null
 */
record PurchaseRow(
        String externalId,
        String customerExternalId,
        BigDecimal amount,
        BigDecimal margin,
        String currency,
        Instant purchasedAt) {

    static final List<String> REQUIRED = List.of("external_id", "customer_external_id", "amount", "purchased_at");
    static final List<String> OPTIONAL = List.of("margin", "currency");

    /** A purchase dated later than this ahead of now is a mistake (a clock, a date format), not a sale. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    /** Reads and checks the values; throws {@link BadValue} naming the first column at fault. */
    static PurchaseRow parse(Function<String, String> field, ZoneId zone) {
        var values = new Values(field);
        String externalId = values.required("external_id", 200);
        String customer = values.required("customer_external_id", 200);
        BigDecimal amount = values.money("amount", true, BigDecimal.ZERO);
        Instant at = values.moment("purchased_at", zone);
        if (at.isAfter(Instant.now().plus(FUTURE_TOLERANCE))) {
            throw new BadValue("purchased_at", "future", "'{}' is in the future", at);
        }
        BigDecimal margin = values.money("margin", false, null);
        String currency = values.optional("currency", 3);
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
            if (!currency.matches("[A-Z]{3}")) {
                throw new BadValue(
                        "currency",
                        "not_currency",
                        "'{}' is not a currency code; expected three letters such as CNY",
                        currency);
            }
        }
        return new PurchaseRow(externalId, customer, amount, margin, currency, at);
    }
}
