package dev.rapport.customer.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Typed, validated reads of one row's values by column; each failure names the column. Stateless. */
final class Values {

    private final Function<String, String> source;

    Values(Function<String, String> source) {
        this.source = source;
    }

    /** The value, trimmed, or null when absent or empty. */
    String optional(String column, int maxLength) {
        String value = source.apply(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.length() > maxLength) {
            throw new BadValue(column, "too_long", "longer than {} characters", maxLength);
        }
        return value;
    }

    String required(String column, int maxLength) {
        String value = optional(column, maxLength);
        if (value == null) {
            throw new BadValue(column, "required", "is empty; a value is required");
        }
        return value;
    }

    /** A decimal with at most two decimals ({@code 12.50}); {@code min} null allows negative values. */
    BigDecimal money(String column, boolean required, BigDecimal min) {
        String text = required ? required(column, 30) : optional(column, 30);
        if (text == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadValue(column, "not_number", "'{}' is not a number; expected a decimal such as 129.90", text);
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new BadValue(column, "decimals", "'{}' has more than two decimals", text);
        }
        if (value.abs().compareTo(new BigDecimal("999999999999.99")) > 0) {
            throw new BadValue(column, "too_large", "'{}' is too large", text);
        }
        if (min != null && value.compareTo(min) < 0) {
            throw new BadValue(column, "negative", "'{}' is negative; expected {} or more", text, min);
        }
        return value;
    }

    /**
     * A moment: {@code 2025-03-01T10:00:00Z} or with an offset ({@code +08:00}); without one
     * ({@code 2025-03-01 10:00}, {@code 2025-03-01}) it is read in {@code zone}, the business's.
     */
    Instant moment(String column, ZoneId zone) {
        String text = required(column, 40).replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadValue(
                    column,
                    "not_moment",
                    "'{}' is not a date and time; expected ISO 8601 such as 2025-03-01T10:00:00+08:00 "
                            + "(without an offset the business time zone {} is used)",
                    text,
                    zone);
        }
    }
}
