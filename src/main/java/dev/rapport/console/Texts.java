package dev.rapport.console;

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

/**
 * The console's own words (labels, buttons, hints) in English and Chinese, from
 * {@code console/texts.<lang>.yaml} beside this class: flat {@code key: text} maps, {@code {}} for a
 * value. A key missing in a language fails at start-up (and in a test), never on a page.
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
                    throw new IllegalStateException("Missing console texts: " + resource);
                }
                byLanguage.put(language, new TreeMap<>(yaml.readValue(in, new TypeReference<Map<String, String>>() { })));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read console texts " + resource, e);
            }
        }
        var english = byLanguage.get(Language.EN).keySet();
        for (Language language : Language.values()) {
            if (!byLanguage.get(language).keySet().equals(english)) {
                var missing = new java.util.TreeSet<>(english);
                missing.removeAll(byLanguage.get(language).keySet());
                var extra = new java.util.TreeSet<>(byLanguage.get(language).keySet());
                extra.removeAll(english);
                throw new IllegalStateException("Console texts for " + language + " differ from English: missing "
                        + missing + ", extra " + extra);
            }
        }
    }

    /** The text, with each {@code {}} replaced by the next value (plain text: pages escape it). */
    String get(Language language, String key, Object... values) {
        String text = byLanguage.get(language).get(key);
        if (text == null) {
            throw new IllegalArgumentException("No console text '" + key + "'");
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

    Map<String, String> all(Language language) {
        return byLanguage.get(language);
    }
}
