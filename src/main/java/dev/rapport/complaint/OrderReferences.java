package dev.rapport.complaint;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an order or booking reference in what a customer typed: the whole answer when it is one,
 * else the first run in a sentence that is one ("my order is #4455-99", "订单号是12345"), and
 * full-width digits and letters ("１２３４５") read as ordinary ones. A run counts only whole: not
 * glued to letters or digits around it. Stateless; thread-safe.
 */
final class OrderReferences {

    private OrderReferences() {}

    /** The reference in {@code typed} matching {@code format} (the configured, case-insensitive pattern). */
    static Optional<String> find(Pattern format, String typed) {
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        if (format.matcher(text).matches()) {
            return Optional.of(text);
        }
        Pattern inSentence =
                Pattern.compile("(?<![\\p{Alnum}-])(?:" + format.pattern() + ")(?![\\p{Alnum}-])", format.flags());
        Matcher found = inSentence.matcher(text);
        while (found.find()) {
            String candidate = found.group();
            // Only the reference itself: a letter prefix that is really a word ("is-4455") would be kept as typed.
            if (format.matcher(candidate).matches()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
