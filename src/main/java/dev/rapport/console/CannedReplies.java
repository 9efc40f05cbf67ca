package dev.rapport.console;

import dev.rapport.config.YamlFile;
import dev.rapport.domain.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replies staff insert with one click, kept with the bot's texts in the {@code canned:} section of
 * {@code conversations/messages/<lang>.yaml} (the flow checks keep the languages in step). Offered in
 * the customer's language, with {@code {name}} filled in; staff edit them before sending. Read once
 * at start-up; immutable and thread-safe.
 */
final class CannedReplies {

    /** One reply: its key, what the staff member sees in the list, what goes into the reply box. */
    record Canned(String key, String label, String text) {}

    private final Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);

    CannedReplies(Path conversationsDir) {
        for (Language language : Language.values()) {
            Path file = conversationsDir.resolve("messages").resolve(language.code() + ".yaml");
            Map<String, String> texts = new LinkedHashMap<>();
            if (Files.exists(file)) {
                YamlFile.texts(YamlFile.read(file)).forEach((key, text) -> {
                    if (key.startsWith("canned.")) {
                        texts.put(key.substring("canned.".length()), text);
                    }
                });
            }
            byLanguage.put(language, texts);
        }
    }

    /** The replies for a customer: labelled in the staff member's language, written in the customer's. */
    List<Canned> offer(Language staff, Language customer, String customerName) {
        String name = customerName == null || customerName.isBlank() ? "" : customerName;
        return byLanguage.get(customer).entrySet().stream()
                .map(entry -> new Canned(
                        entry.getKey(),
                        label(byLanguage
                                .get(staff)
                                .getOrDefault(entry.getKey(), entry.getValue())
                                .replace("{name}", name)),
                        fill(entry.getValue(), name)))
                .toList();
    }

    private static String fill(String text, String name) {
        return name.isEmpty()
                ? text.replace("{name}, ", "")
                        .replace(" {name}", "")
                        .replace("{name}，", "")
                        .replace("{name}", "")
                : text.replace("{name}", name);
    }

    private static String label(String text) {
        String plain = text.replace("{name}", "").strip();
        return plain.length() > 48 ? plain.substring(0, 47) + "…" : plain;
    }
}
