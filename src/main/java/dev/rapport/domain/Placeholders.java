package dev.rapport.domain;

/**
 * How every text Rapport shows in two languages takes its values: each {@code {}} is replaced by the
 * next value, in order. Placeholders beyond the values stay; values beyond the placeholders are
 * dropped; a value that itself holds {@code {}} is not filled again. Stateless.
 */
public final class Placeholders {

    private Placeholders() {}

    public static String fill(String text, Object... values) {
        var filled = new StringBuilder(text.length() + 16 * values.length);
        int from = 0;
        for (Object value : values) {
            int at = text.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            filled.append(text, from, at).append(value);
            from = at + 2;
        }
        return filled.append(text, from, text.length()).toString();
    }
}
