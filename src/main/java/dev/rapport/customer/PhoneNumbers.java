package dev.rapport.customer;

import java.util.Optional;

/**
 * Phone numbers to E.164 ({@code +8613800138000}), so a number the shop wrote one way matches the
 * one Telegram shares another way. Not a full numbering-plan library: it removes formatting, reads
 * {@code +} and {@code 00} as an international prefix, and gives a national number (leading trunk
 * {@code 0} dropped) the default country code. Immutable; thread-safe.
 */
public record PhoneNumbers(int defaultCountryCode) {

    /** E.164 allows at most 15 digits; fewer than 7 is no real subscriber number anywhere. */
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    /**
     * A number as a person or a file writes it: {@code +86 138-0013-8000}, {@code 0086…},
     * {@code (010) 1234 5678}, {@code 13800138000}. Empty when it is not a phone number.
     */
    public Optional<String> normalise(String written) {
        return normalise(written, false);
    }

    /**
     * A number Telegram shared (contact button): always international, with or without the {@code +}.
     */
    public Optional<String> normaliseInternational(String shared) {
        return normalise(shared, true);
    }

    private Optional<String> normalise(String written, boolean international) {
        if (written == null) {
            return Optional.empty();
        }
        String text = written.strip();
        var digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty() && !plus) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '\u00a0') {
                return Optional.empty();
            }
        }
        String number;
        if (plus || international) {
            number = digits.toString();
        } else if (digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            number = digits.substring(2);
        } else {
            String national = digits.toString().replaceFirst("^0", "");
            number = defaultCountryCode + national;
        }
        if (number.length() < MIN_DIGITS || number.length() > MAX_DIGITS || number.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of("+" + number);
    }
}
