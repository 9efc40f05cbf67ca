package dev.rapport.engine;

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
        var prior = new LanguagePrior(languageCode, customer.language(),
                customer.languageChosen() ? customer.language() : null);
        Understanding understood = nlu.understand(text, prior);
        return new Reading(understood.language(), understood.intent().label(), understood.intentConfidence(),
                understood.sentiment().label(), understood.sentimentScore());
    }
}
