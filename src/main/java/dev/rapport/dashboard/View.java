package dev.rapport.dashboard;

import dev.rapport.domain.Language;
import dev.rapport.staff.StaffSession;
import dev.rapport.web.page.Markup;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one dashboard page is drawn with: the signed-in member and their language, the texts, the
 * business's time zone, and the figure definitions the page collects as it goes (shown as numbered
 * footnotes at the end, and as the hover title of each figure). Made per request; not thread-safe.
 */
final class View {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final StaffSession session;
    final Language language;
    final ZoneId zone;
    private final Texts texts;
    private final List<String> definitions = new ArrayList<>();

    View(StaffSession session, Texts texts, ZoneId zone) {
        this.session = session;
        this.language = session.member().language();
        this.texts = texts;
        this.zone = zone;
    }

    String t(String key, Object... values) {
        return texts.get(language, key, values);
    }

    /** The label of a stored word ({@code tier.key}, {@code status.open}); the word itself when it has none. */
    String word(String group, String value) {
        if (value == null) {
            return "—";
        }
        return texts.has(language, group + "." + value) ? t(group + "." + value) : value;
    }

    /**
     * A figure's label with its definition: the hover title and a link to its numbered footnote.
     * {@code key} names {@code fig.KEY} (label) and {@code def.KEY} (definition).
     */
    Markup figure(String key) {
        String definition = t("def." + key);
        int number = definitions.indexOf(key) + 1;
        if (number == 0) {
            definitions.add(key);
            number = definitions.size();
        }
        return Markup.of(
                "<span class=\"figure\" title=\"{}\">{}<sup><a href=\"#def-{}\">{}</a></sup></span>",
                definition,
                t("fig." + key),
                key,
                number);
    }

    /** The footnotes of every figure drawn so far. */
    Markup footnotes() {
        var items = new ArrayList<Markup>();
        for (String key : definitions) {
            items.add(Markup.of("<li id=\"def-{}\"><b>{}</b>: {}</li>", key, t("fig." + key), t("def." + key)));
        }
        return Markup.of(
                "<section class=\"block\" id=\"definitions\"><h2>{}</h2><ol>{}</ol></section>",
                t("definitions.title"),
                Markup.join(items));
    }

    String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    String htmlLang() {
        return language == Language.ZH ? "zh-CN" : "en";
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static String decimal(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String signed(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%+.1f", value);
    }

    String minutes(double minutes) {
        if (Double.isNaN(minutes)) {
            return "—";
        }
        return minutes < 120
                ? t("unit.minutes", Math.round(minutes))
                : t("unit.hours", String.format(Locale.ROOT, "%.1f", minutes / 60));
    }
}
