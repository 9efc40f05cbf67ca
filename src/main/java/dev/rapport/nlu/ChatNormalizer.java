package dev.rapport.nlu;

import java.text.Normalizer;

/**
 * Turns a raw chat message into the canonical form every model sees, so that spelling variants of
 * the same message meet the same features: Unicode NFKC (full-width "ＯＫ！" becomes "ok!"),
 * lower case, no zero-width, bidi or other format characters, no emoji variation selectors or skin
 * tones, control characters and runs of white space as one space, and any letter or punctuation
 * mark repeated three or more times cut to two ("soooo" becomes "soo", "!!!!" becomes "!!",
 * "哈哈哈哈" stays "哈哈"). Digits are never collapsed. Markup tags go, and script and style elements
 * with their content ({@link NotChat#withoutMarkup}).
 *
 * <p>Only the first {@link #MAX_CHARS} characters are considered, so the work per message is
 * bounded however long the message is. Stateless and thread-safe.
 */
final class ChatNormalizer {

    /** Messages are cut here; customers state what they want long before 2,000 characters. */
    static final int MAX_CHARS = 2000;

    private ChatNormalizer() {}

    /** The normalised text; "" for null. Never throws. */
    static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String capped = cap(text);
        String composed = isAscii(capped) ? capped : Normalizer.normalize(capped, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(composed.length());
        int previous = -1;
        int beforePrevious = -1;
        for (int i = 0; i < composed.length(); ) {
            int codePoint = composed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isInvisible(codePoint)) {
                continue;
            }
            if (Character.isISOControl(codePoint)
                    || Character.isWhitespace(codePoint)
                    || Character.isSpaceChar(codePoint)) {
                codePoint = ' ';
                if (previous == ' ' || out.length() == 0) {
                    continue;
                }
            } else {
                codePoint = Character.toLowerCase(codePoint);
                if (codePoint == previous && codePoint == beforePrevious && isCollapsible(codePoint)) {
                    continue;
                }
            }
            out.appendCodePoint(codePoint);
            beforePrevious = previous;
            previous = codePoint;
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return NotChat.withoutMarkup(out.toString());
    }

    private static String cap(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Characters that change how text looks or joins, never what it says. */
    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT // zero-width space and joiners, bidi marks, BOM, soft hyphen
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) // emoji variation selectors
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF) // emoji skin tones
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE // a lone half of a broken pair
                || type == Character.PRIVATE_USE;
    }

    private static boolean isCollapsible(int codePoint) {
        return Character.isLetter(codePoint) || isPunctuation(codePoint);
    }

    private static boolean isPunctuation(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.OTHER_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION -> true;
            default -> false;
        };
    }
}
