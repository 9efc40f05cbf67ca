package dev.rapport.web.page;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * HTML that is safe to send, escaped by construction: the only ways to make one are a template
 * written in a page package's code ({@link #of}), whose arguments are escaped unless they are
 * {@code Markup} themselves, and {@link #text}. Customer messages, answers, names and notes therefore
 * always arrive in a page as text: a message {@code <script>} shows as those eight characters.
 * Shared by the staff console and the manager dashboard; immutable and thread-safe.
 *
 * @param html already-safe HTML
 */
public record Markup(String html) {

    public static final Markup EMPTY = new Markup("");

    /**
     * Fills {@code {}} placeholders in order. The template must be a literal in the calling page package's code,
     * never text that came from a person or the database.
     */
    public static Markup of(String template, Object... args) {
        var out = new StringBuilder(template.length() + 64);
        int next = 0;
        int from = 0;
        int at;
        while ((at = template.indexOf("{}", from)) >= 0) {
            out.append(template, from, at);
            if (next >= args.length) {
                throw new IllegalArgumentException("More {} than arguments in: " + template);
            }
            append(out, args[next++]);
            from = at + 2;
        }
        if (next != args.length) {
            throw new IllegalArgumentException("More arguments than {} in: " + template);
        }
        out.append(template, from, template.length());
        return new Markup(out.toString());
    }

    public static Markup text(Object value) {
        var out = new StringBuilder();
        append(out, value);
        return new Markup(out.toString());
    }

    public static Markup join(Collection<Markup> parts) {
        return new Markup(parts.stream().map(Markup::html).collect(Collectors.joining()));
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Markup markup) {
            out.append(markup.html);
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return html;
    }
}
