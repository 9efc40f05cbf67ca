package dev.rapport.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rapport.domain.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dashboard's words (labels, figure definitions, hints) in English and Chinese, from
 * {@code texts.<lang>.yaml} beside this class: flat {@code key: text} maps, {@code {}} for a value.
 * The languages must have the same keys, or construction fails (at start-up and in a test).
 * Immutable after construction; thread-safe.
 */
final class Texts {

    private final Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);

    Texts() {
        var yaml = new ObjectMapper(new YAMLFactory());
        for (Language language : Language.values()) {
            String resource = "texts." + language.code() + ".yaml";
            try (InputStream in = Texts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing dashboard texts: " + resource);
                }
                byLanguage.put(language, new TreeMap<>(yaml.readValue(in, new TypeReference<Map<String, String>>() { })));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read dashboard texts " + resource, e);
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
                throw new IllegalStateException("Dashboard texts for " + language + " differ from English: missing "
                        + missing + ", extra " + extra);
            }
        }
    }

    /** The text, with each {@code {}} replaced by the next value (plain text: pages escape it). */
    String get(Language language, String key, Object... values) {
        String text = byLanguage.get(language).get(key);
        if (text == null) {
            throw new IllegalArgumentException("No dashboard text '" + key + "'");
        }
        for (Object value : values) {
            int at = text.indexOf("{}");
            if (at < 0) {
                break;
            }
            text = text.substring(0, at) + value + text.substring(at + 2);
        }
        return text;
    }

    boolean has(Language language, String key) {
        return byLanguage.get(language).containsKey(key);
    }
}
