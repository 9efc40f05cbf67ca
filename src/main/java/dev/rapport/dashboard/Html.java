package dev.rapport.dashboard;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * HTML that is safe to send, escaped by construction: a template written in this package's code
 * ({@link #of}), whose arguments are escaped unless they are {@code Html} themselves, or
 * {@link #text}. Customer answers and names therefore always arrive in a page as text.
 *
 * @param html already-safe HTML
 */
record Html(String html) {

    static final Html EMPTY = new Html("");

    /** Fills {@code {}} placeholders in order; the template must be a literal in this package's code. */
    static Html of(String template, Object... args) {
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
        return new Html(out.toString());
    }

    static Html text(Object value) {
        var out = new StringBuilder();
        append(out, value);
        return new Html(out.toString());
    }

    static Html join(Collection<Html> parts) {
        return new Html(parts.stream().map(Html::html).collect(Collectors.joining()));
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Html safe) {
            out.append(safe.html);
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
