package dev.rapport.engine;

import dev.rapport.domain.Language;
import dev.rapport.nlu.LanguagePrior;
import dev.rapport.nlu.Nlu;
import dev.rapport.nlu.Understanding;

/**
 * Reads customer texts with the NLU models: language (with the channel's language code, the
 * customer's last language and their explicit choice as priors), intent and sentiment.
 * Immutable; thread-safe.
 */
public final class NluInterpreter implements Interpreter {

    private final Nlu nlu;

    public NluInterpreter(Nlu nlu) {
        this.nlu = nlu;
    }

    @Override
    public Reading read(String text, CustomerView customer, String languageCode) {
        var prior = new LanguagePrior(
                languageCode,
                customer.language().code(),
                customer.languageChosen() ? customer.language().code() : null);
        Understanding understood = nlu.understand(text, prior);
        return new Reading(
                Language.fromCode(understood.language()).orElse(null),
                understood.intent().label(),
                understood.intentConfidence(),
                understood.sentiment().label(),
                understood.sentimentScore());
    }
}
