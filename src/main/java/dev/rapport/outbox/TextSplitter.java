package dev.rapport.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into parts a channel accepts (Telegram: at most 4096 characters). A cut goes at
 * the last paragraph break in the second half of the window, else the last line break, else the
 * last space, else hard at the limit — never between the two halves of a surrogate pair. The
 * whitespace at a cut is dropped, so the parts joined with that whitespace give the text back.
 * Stateless; thread-safe.
 */
final class TextSplitter {

    /** Telegram's limit for a message text, counted in UTF-16 units (never fewer than characters). */
    static final int TELEGRAM_LIMIT = 4096;

    private TextSplitter() {}

    static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2, was " + limit);
        }
        if (text == null || text.length() <= limit) {
            return java.util.Collections.singletonList(text);
        }
        var parts = new ArrayList<String>();
        int start = 0;
        while (text.length() - start > limit) {
            int windowEnd = start + limit;
            int cut = cut(text, start, windowEnd);
            int partEnd = cut;
            while (partEnd > start && Character.isWhitespace(text.charAt(partEnd - 1))) {
                partEnd--;
            }
            if (partEnd > start) {
                parts.add(text.substring(start, partEnd));
            }
            start = cut;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        if (start < text.length()) {
            parts.add(text.substring(start));
        }
        if (parts.isEmpty()) {
            return java.util.Collections.singletonList(text); // only whitespace: the channel will say so
        }
        return parts;
    }

    /** Where the part starting at {@code start} ends; the text from there on starts the next part. */
    private static int cut(String text, int start, int windowEnd) {
        int earliest = start + (windowEnd - start) / 2;
        int paragraph = text.lastIndexOf("\n\n", windowEnd);
        if (paragraph >= earliest) {
            return paragraph;
        }
        int line = text.lastIndexOf('\n', windowEnd);
        if (line >= earliest) {
            return line;
        }
        for (int i = Math.min(windowEnd, text.length() - 1); i >= earliest; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        if (Character.isHighSurrogate(text.charAt(windowEnd - 1)) && Character.isLowSurrogate(text.charAt(windowEnd))) {
            return windowEnd - 1;
        }
        return windowEnd;
    }
}
