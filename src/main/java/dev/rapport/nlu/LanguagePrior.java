package dev.rapport.nlu;

/**
 * What the conversation already knows about a customer's language, used only when a message does
 * not show its language by itself ("ok", "👍", "12345", or a language Rapport does not speak).
 * Every field may be null. Codes are compared by their prefix, so "zh-hans" and "zh" both mean
 * Chinese; languages other than "en" and "zh" are ignored.
 *
 * @param telegramLanguageCode the IETF tag Telegram reports for the user's app, e.g. "zh-hans"
 * @param previousLanguage the language of the customer's previous message
 * @param chosenLanguage the language the customer picked explicitly, strongest of the three
 */
public record LanguagePrior(String telegramLanguageCode, String previousLanguage, String chosenLanguage) {

    private static final LanguagePrior NONE = new LanguagePrior(null, null, null);

    /** No knowledge: ambiguous messages are taken as English. */
    public static LanguagePrior none() {
        return NONE;
    }
}
