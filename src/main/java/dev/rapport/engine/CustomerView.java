package dev.rapport.engine;

/**
 * What a turn knows about the customer behind a chat. Immutable snapshot taken at the start of the
 * turn; changes go through {@link CustomerDirectory}.
 *
 * @param language       {@code en} or {@code zh}: the language Rapport speaks with them
 * @param languageChosen true when the customer picked it with /language (detection no longer changes it)
 * @param tier           {@code key}, {@code major}, {@code ordinary} or {@code small}
 */
public record CustomerView(long id, String name, String language, boolean languageChosen, String tier,
                           boolean optedOut) {

    public CustomerView withLanguage(String newLanguage, boolean chosen) {
        return new CustomerView(id, name, newLanguage, chosen, tier, optedOut);
    }
}
