package dev.rapport.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers to E.164 ({@code +8613800138000}), so a number the shop wrote one way matches the
 * one Telegram shares another way — it decides who a chat belongs to. The numbering plans are
 * libphonenumber's: a national number loses its trunk prefix only where the country dials one (China,
 * the UK), and keeps its leading zero where it is part of the number (Italy). Immutable; thread-safe.
 *
 * @param defaultCountryCode the calling code of numbers written without one (86 for China)
 */
public record PhoneNumbers(int defaultCountryCode) {

    private static final PhoneNumberUtil PLANS = PhoneNumberUtil.getInstance(); // thread-safe
    private static final String UNKNOWN_REGION = "ZZ";

    /**
     * A number as a person or a file writes it: {@code +86 138-0013-8000}, {@code 0086…},
     * {@code (010) 1234 5678}, {@code 13800138000}. Empty when it is not a possible phone number.
     */
    public Optional<String> normalise(String written) {
        return parse(written, PLANS.getRegionCodeForCountryCode(defaultCountryCode));
    }

    /**
     * A number Telegram shared (contact button): always international, with or without the {@code +}.
     */
    public Optional<String> normaliseInternational(String shared) {
        if (shared == null || shared.isBlank()) {
            return Optional.empty();
        }
        String stripped = shared.strip();
        return parse(stripped.startsWith("+") ? stripped : "+" + stripped, UNKNOWN_REGION);
    }

    private static Optional<String> parse(String written, String region) {
        if (written == null || !plain(written.strip())) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PLANS.parse(written, region);
            return PLANS.isPossibleNumber(number)
                    ? Optional.of(PLANS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /** Digits and the usual separators, with at most a leading {@code +}: no letters, no extensions. */
    private static boolean plain(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= '0' && c <= '9'
                    || c == '+' && i == 0
                    || c == ' '
                    || c == '-'
                    || c == '.'
                    || c == '('
                    || c == ')'
                    || c == '\u00a0';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
