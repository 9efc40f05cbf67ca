package dev.rapport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads conversation tests: every {@code *.yaml} of a folder (or the files given), each holding
 * {@code dialogues:}, a list of {@link DialogueTest}s. A file that does not follow the format is an
 * {@link IllegalArgumentException} naming the file, the dialogue and what is wrong. Stateless.
 *
 * <pre>
 * dialogues:
 *   - name: A complaint typed in words
 *     language: en            # en (default) or zh
 *     tier: small             # key, major, ordinary, small (default)
 *     customer: Alice         # the customer's name (default: none)
 *     turns:
 *       - say: /complaint
 *         bot: [complaint.ask_what]
 *       - press: skip         # a button of the last reply: value, label or message key
 *         bot: [complaint.ask_category]
 *       - say: Delivery
 *         bot: ["/C-\\d{6}-\\d{4}/"]
 * </pre>
 */
final class DialogueTestFiles {

    private static final Set<String> LANGUAGES = Set.of("en", "zh");
    private static final Set<String> TIERS = Set.of("key", "major", "ordinary", "small");

    private DialogueTestFiles() {}

    /** The tests of every {@code .yaml} file directly in {@code folder}, by file name. */
    static List<DialogueTest> folder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("No conversation tests: " + folder + " is not a folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<DialogueTest> tests = new ArrayList<>();
            files.filter(file ->
                            file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .forEach(file -> tests.addAll(file(file)));
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DialogueTest> file(Path file) {
        Object root;
        try {
            root = new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("dialogues") instanceof List<?> dialogues)) {
            throw new IllegalArgumentException(file + ": expected a top-level 'dialogues:' list");
        }
        List<DialogueTest> tests = new ArrayList<>();
        for (int i = 0; i < dialogues.size(); i++) {
            tests.add(dialogue(file, i + 1, dialogues.get(i)));
        }
        return tests;
    }

    private static DialogueTest dialogue(Path file, int number, Object node) {
        String where = file + ": dialogue " + number;
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": expected name, language, tier and turns");
        }
        String name = text(map.get("name"), where + " has no name");
        where = file + ": dialogue \"" + name + "\"";
        String language = map.get("language") == null ? "en" : String.valueOf(map.get("language"));
        String tier = map.get("tier") == null ? "small" : String.valueOf(map.get("tier"));
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException(where + ": language '" + language + "'; expected en or zh");
        }
        if (!TIERS.contains(tier)) {
            throw new IllegalArgumentException(where + ": tier '" + tier + "'; expected key, major, ordinary or small");
        }
        if (!(map.get("turns") instanceof List<?> turns) || turns.isEmpty()) {
            throw new IllegalArgumentException(where + ": expected a 'turns:' list");
        }
        List<DialogueTest.Step> steps = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            steps.add(step(where + ", turn " + (i + 1), turns.get(i)));
        }
        Object customer = map.get("customer");
        return new DialogueTest(file, name, language, tier, customer == null ? null : String.valueOf(customer), steps);
    }

    private static DialogueTest.Step step(String where, Object node) {
        if (!(node instanceof Map<?, ?> map) || map.containsKey("say") == map.containsKey("press")) {
            throw new IllegalArgumentException(where + ": expected exactly one of 'say:' and 'press:', and 'bot:'");
        }
        Object bot = map.get("bot");
        List<String> expect = null;
        if (bot instanceof List<?> list) {
            expect = list.stream().map(String::valueOf).toList();
        } else if (bot != null) {
            expect = List.of(String.valueOf(bot));
        }
        String say = map.get("say") == null ? null : String.valueOf(map.get("say"));
        String press = map.get("press") == null ? null : String.valueOf(map.get("press"));
        return new DialogueTest.Step(say, press, expect);
    }

    private static String text(Object value, String problem) {
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException(problem);
        }
        return String.valueOf(value);
    }
}
