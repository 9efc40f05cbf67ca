package dev.rapport.console;

import dev.rapport.web.page.TextBundle;

/**
 * The console's own words (labels, buttons, hints) in English and Chinese, from
 * {@code console/texts.<lang>.yaml} beside this class; see {@link TextBundle} for the format and the
 * start-up check that every key exists in every language. Immutable; thread-safe.
 */
final class Texts extends TextBundle {

    Texts() {
        super(Texts.class, "console");
    }
}
