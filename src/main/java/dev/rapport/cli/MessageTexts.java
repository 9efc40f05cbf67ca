package dev.rapport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The bot's texts by language and dotted key, read from {@code conversations/messages/<lang>.yaml},
 * for commands that print what customers would read (a campaign's dry run) instead of raw keys.
 * A key without a text prints as itself. Immutable after loading; thread-safe.
 */
final class MessageTexts {

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    private MessageTexts() {}

    static MessageTexts load(Path conversationsDir) {
        var texts = new MessageTexts();
        for (String language : new String[] {"en", "zh"}) {
            Path file = conversationsDir.resolve("messages").resolve(language + ".yaml");
            if (Files.isRegularFile(file)) {
                try {
                    Map<String, String> flat = new HashMap<>();
                    flatten("", new Yaml().load(Files.readString(file)), flat);
                    texts.byLanguage.put(language, flat);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return texts;
    }

    /** The text of {@code key} in {@code language} (its base: zh-hans is zh), else English, else the key. */
    String text(String language, String key) {
        String base = language == null ? "en" : language.split("[-_]", 2)[0];
        Map<String, String> texts = byLanguage.getOrDefault(base, byLanguage.getOrDefault("en", Map.of()));
        return texts.getOrDefault(key, key);
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
        } else if (node != null) {
            into.put(prefix, String.valueOf(node));
        }
    }
}
