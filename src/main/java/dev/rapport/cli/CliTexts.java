package dev.rapport.cli;

import dev.rapport.domain.Language;
import dev.rapport.store.Labels;
import dev.rapport.web.page.TextBundle;

/**
 * The command line's own words for staff (table headings, labels, summaries) in English and Chinese,
 * from {@code cli/texts.<lang>.yaml} beside this class; both languages must have the same keys (checked
 * when loaded). Public so feature packages' printers get their words as {@link Labels}. Immutable;
 * thread-safe.
 */
public final class CliTexts extends TextBundle {

    private static final CliTexts TEXTS = new CliTexts();

    private CliTexts() {
        super(CliTexts.class, "command line");
    }

    /** The words in {@code language}. */
    public static Labels labels(Language language) {
        return (key, values) -> TEXTS.get(language, key, values);
    }
}
