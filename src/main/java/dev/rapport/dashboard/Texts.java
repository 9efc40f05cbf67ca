package dev.rapport.dashboard;

import dev.rapport.web.page.TextBundle;

/**
 * The dashboard's words (labels, figure definitions, hints) in English and Chinese, from
 * {@code texts.<lang>.yaml} beside this class; see {@link TextBundle} for the format and the
 * start-up check that every key exists in every language. Immutable; thread-safe.
 */
final class Texts extends TextBundle {

    Texts() {
        super(Texts.class, "dashboard");
    }
}
