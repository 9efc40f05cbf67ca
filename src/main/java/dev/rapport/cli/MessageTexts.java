package dev.rapport.cli;

import dev.rapport.config.YamlFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
                texts.byLanguage.put(language, YamlFile.texts(YamlFile.read(file)));
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
}
