package dev.rapport.web.page;

import dev.rapport.config.YamlFile;
import dev.rapport.domain.Language;
import dev.rapport.domain.Placeholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A page package's own words (labels, buttons, hints, definitions) in every {@link Language}, from
 * {@code texts.<lang>.yaml} beside the owning class: flat {@code key: text} maps, {@code {}} for a
 * value. The languages must have the same keys, or construction fails naming the missing and extra
 * keys (at start-up and in a test), never on a page. Immutable after construction; thread-safe.
 */
public class TextBundle {

    private final String name;
    private final Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);

    /**
     * @param owner the class whose package holds the {@code texts.<lang>.yaml} files
     * @param name  what the texts are called in error messages, e.g. "console"
     */
    protected TextBundle(Class<?> owner, String name) {
        this.name = name;
        for (Language language : Language.values()) {
            String resource = "texts." + language.code() + ".yaml";
            try (InputStream in = owner.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + name + " texts: " + resource);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                byLanguage.put(
                        language,
                        Collections.unmodifiableMap(new TreeMap<>(
                                YamlFile.texts(YamlFile.parse(text, Path.of(owner.getPackageName(), resource))))));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name + " texts " + resource, e);
            }
        }
        var english = byLanguage.get(Language.EN).keySet();
        for (Language language : Language.values()) {
            var keys = byLanguage.get(language).keySet();
            if (!keys.equals(english)) {
                var missing = new TreeSet<>(english);
                missing.removeAll(keys);
                var extra = new TreeSet<>(keys);
                extra.removeAll(english);
                throw new IllegalStateException(Character.toUpperCase(name.charAt(0)) + name.substring(1)
                        + " texts for " + language + " differ from English: missing " + missing + ", extra " + extra);
            }
        }
    }

    /** The text, with each {@code {}} replaced by the next value (plain text: pages escape it). */
    public final String get(Language language, String key, Object... values) {
        String text = byLanguage.get(language).get(key);
        if (text == null) {
            throw new IllegalArgumentException("No " + name + " text '" + key + "'");
        }
        return Placeholders.fill(text, values);
    }

    public final boolean has(Language language, String key) {
        return byLanguage.get(language).containsKey(key);
    }

    /** Every text of the language by key, read-only. */
    public final Map<String, String> all(Language language) {
        return byLanguage.get(language);
    }
}
