package dev.rapport.flow;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every text the bot sends, by language and key, from {@code conversations/messages/<lang>.yaml}.
 * Nested maps in those files become dotted keys: {@code start: {greeting: "…"}} is
 * {@code start.greeting}. Immutable; thread-safe.
 *
 * <p>Every method takes a language code as the customer's client reports it: a regional code such
 * as {@code zh-hans} or {@code en-GB} uses its base language, and a language without texts (or
 * {@code null}) uses {@value #DEFAULT_LANGUAGE}.
 */
public final class Messages {

    public static final String DEFAULT_LANGUAGE = "en";

    /** Language → key → text, sorted by key, unmodifiable. */
    private final Map<String, SortedMap<String, String>> textsByLanguage;

    private final Set<String> languages;

    /** {@code textsByLanguage} must hold {@value #DEFAULT_LANGUAGE}. */
    Messages(Map<String, Map<String, String>> textsByLanguage) {
        if (!textsByLanguage.containsKey(DEFAULT_LANGUAGE)) {
            throw new IllegalArgumentException("messages need the default language " + DEFAULT_LANGUAGE);
        }
        Map<String, SortedMap<String, String>> copy = new HashMap<>();
        textsByLanguage.forEach(
                (language, texts) -> copy.put(language, Collections.unmodifiableSortedMap(new TreeMap<>(texts))));
        this.textsByLanguage = Map.copyOf(copy);
        this.languages = Collections.unmodifiableSortedSet(new TreeSet<>(copy.keySet()));
    }

    /**
     * The text of {@code key} with its {@code {name}} placeholders replaced from {@code vars}; a
     * placeholder without a variable stays visible as written.
     *
     * @throws IllegalArgumentException when the key does not exist; the loader has checked that
     *     every key a flow uses exists in every language, so this means a wrong key in Java code
     */
    public String text(String language, String key, Map<String, ?> vars) {
        String resolved = resolve(language);
        String text = textsByLanguage.get(resolved).get(key);
        if (text == null) {
            throw new IllegalArgumentException("no message '" + key + "' in language '" + resolved
                    + "'; add it to conversations/messages/" + resolved + ".yaml");
        }
        return Placeholders.fill(text, vars);
    }

    /** {@link #text(String, String, Map)} without variables. */
    public String text(String language, String key) {
        return text(language, key, Map.of());
    }

    public boolean has(String language, String key) {
        return textsByLanguage.get(resolve(language)).containsKey(key);
    }

    /** The languages that have texts, such as {@code en} and {@code zh}, sorted. */
    public Set<String> languages() {
        return languages;
    }

    /** The keys of one language, sorted. */
    public Set<String> keys(String language) {
        return textsByLanguage.get(resolve(language)).keySet();
    }

    private String resolve(String language) {
        if (language == null) {
            return DEFAULT_LANGUAGE;
        }
        if (textsByLanguage.containsKey(language)) {
            return language; // a turn's language is one of the bundles' own codes: no parsing
        }
        String base = language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return textsByLanguage.containsKey(base) ? base : DEFAULT_LANGUAGE;
    }
}
