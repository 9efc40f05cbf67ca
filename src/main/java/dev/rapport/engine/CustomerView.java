package dev.rapport.engine;

import dev.rapport.domain.Language;
import dev.rapport.domain.Tier;

/**
 * What a turn knows about the customer behind a chat. Immutable snapshot taken at the start of the
 * turn; changes go through {@link CustomerDirectory}.
 *
 * @param language       the language Rapport speaks with them
 * @param languageChosen true when the customer picked it with /language (detection no longer changes it)
 * @param tier           their place in the customer pyramid
 */
public record CustomerView(
        long id, String name, Language language, boolean languageChosen, Tier tier, boolean optedOut) {

    public CustomerView withLanguage(Language newLanguage, boolean chosen) {
        return new CustomerView(id, name, newLanguage, chosen, tier, optedOut);
    }
}
