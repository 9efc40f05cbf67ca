package dev.rapport.flow;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {name}} placeholders in message texts. Other braces are left alone. */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Placeholders() {}

    /**
     * Replaces each placeholder with its variable. A placeholder without a variable (absent or
     * {@code null}) stays as written, so a forgotten variable shows instead of failing the turn.
     * Values are inserted once: a value that itself contains {@code {x}} is not expanded again.
     */
    static String fill(String text, Map<String, ?> vars) {
        if (vars == null || vars.isEmpty() || text.indexOf('{') < 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder(text.length() + 32);
        while (matcher.find()) {
            Object value = vars.get(matcher.group(1));
            String replacement = value == null ? matcher.group() : String.valueOf(value);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(filled).toString();
    }

    /** The placeholder names a text uses, sorted. */
    static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
