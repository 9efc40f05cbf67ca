package dev.rapport.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads and validates {@code conversations/}: every {@code flows/*.yaml} and the message files
 * {@code messages/en.yaml} and {@code messages/zh.yaml}. Stateless; safe to call from any thread.
 * The format is described in {@code conversations/README.md}.
 */
public final class FlowLoader {

    /** The languages the bot speaks; each has {@code messages/<language>.yaml} with the same keys. */
    static final List<String> LANGUAGES = List.of(Messages.DEFAULT_LANGUAGE, "zh");

    private FlowLoader() {}

    /**
     * Reads and checks everything, collecting every problem rather than stopping at the first.
     *
     * @param actionNames the Java actions registered with the engine; a flow may call only these
     * @throws FlowValidationException listing every problem, each with file, line, flow and step
     */
    public static Conversations load(Path conversationsDir, Set<String> actionNames) {
        return load(conversationsDir, actionNames, Set.of());
    }

    /**
     * As {@link #load(Path, Set)}, also checking that every language has the message keys Java code
     * says itself ({@code codeKeys}), so a missing text stops the start instead of failing turns.
     */
    public static Conversations load(Path conversationsDir, Set<String> actionNames, Set<String> codeKeys) {
        return load(conversationsDir, actionNames, codeKeys, List.of(), List.of());
    }

    /**
     * As {@link #load(Path, Set, Set)}, adding flows that Java code built from other files (a survey
     * definition compiles to a flow, say). Built flows are checked exactly like flow files: ids unique
     * across all flows, steps that exist and can be reached, known actions, message keys in every
     * language, button data within Telegram's 64 bytes. Their problems are reported at the
     * {@link Source} each flow, step and button carries, so give them the file and line they came
     * from. {@code builtProblems} are what the builder itself found wrong; they are reported in the
     * same list, so one start shows everything to fix. Built flows have no commands or intents: a
     * button ({@code go:<id>}), a {@code goto} or an outreach starts them.
     */
    public static Conversations load(
            Path conversationsDir,
            Set<String> actionNames,
            Set<String> codeKeys,
            List<Flow> builtFlows,
            List<FlowProblem> builtProblems) {
        Problems problems = new Problems();
        builtProblems.forEach(problems::add);
        Map<String, MessageFile> messageFiles = readMessages(conversationsDir.resolve("messages"), problems);
        List<List<ButtonSpec>> menu = MainMenu.read(conversationsDir, problems);
        List<ParsedFlow> parsedFlows = new ArrayList<>();
        Set<String> flowIds = new HashSet<>();
        for (Path file : flowFiles(conversationsDir.resolve("flows"), problems)) {
            FlowParser.parse(file, problems, menu)
                    .ifPresentOrElse(
                            parsed -> {
                                parsedFlows.add(parsed);
                                if (parsed.flow().id() != null) {
                                    flowIds.add(parsed.flow().id());
                                }
                            },
                            () -> flowIds.add(baseName(
                                    file))); // assume the unreadable flow exists, so its one syntax error does not
            // cascade
        }

        for (Flow built : builtFlows) {
            parsedFlows.add(ParsedFlow.built(built));
            flowIds.add(built.id());
        }

        MessageChecks.checkInSync(messageFiles.get(Messages.DEFAULT_LANGUAGE), messageFiles.values(), problems);
        for (MessageFile file : messageFiles.values()) {
            codeKeys.stream()
                    .filter(key -> file.readable() && !file.has(key))
                    .sorted()
                    .forEach(key -> problems.in(file.file())
                            .add(0, "message key '" + key + "' is missing: Rapport's code says it"));
        }
        TriggerChecks.check(parsedFlows, problems);
        Set<String> internalFlowIds = new HashSet<>();
        parsedFlows.stream()
                .filter(parsed -> parsed.flow().internal() && parsed.flow().id() != null)
                .forEach(parsed -> internalFlowIds.add(parsed.flow().id()));
        FlowChecks.Catalog catalog = new FlowChecks.Catalog(
                flowIds, internalFlowIds, Set.copyOf(actionNames), List.copyOf(messageFiles.values()), menu);
        FlowChecks.checkMenu(catalog, problems);
        for (ParsedFlow parsed : parsedFlows) {
            StepGraph.check(parsed, problems);
            FlowChecks.check(parsed, catalog, problems);
        }
        if (!problems.isEmpty()) {
            throw new FlowValidationException(problems.sorted());
        }

        Map<String, Flow> flows = new LinkedHashMap<>();
        parsedFlows.forEach(parsed -> flows.put(parsed.flow().id(), parsed.flow()));
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        messageFiles.forEach((language, file) -> texts.put(language, file.values()));
        return new Conversations(flows, new Messages(texts), menu);
    }

    private static Map<String, MessageFile> readMessages(Path messagesDir, Problems problems) {
        Map<String, MessageFile> files = new LinkedHashMap<>();
        boolean present = Files.isDirectory(messagesDir);
        for (String language : LANGUAGES) {
            Path file = messagesDir.resolve(language + ".yaml");
            files.put(
                    language,
                    present
                            ? MessageFile.read(file, language, problems)
                            : new MessageFile(language, file, false, Map.of()));
        }
        for (Path file : list(messagesDir, problems)) {
            if (isYaml(file) && !LANGUAGES.contains(baseName(file))) {
                problems.in(file)
                        .add(
                                0,
                                "not read: the message files are "
                                        + String.join(
                                                ", ",
                                                LANGUAGES.stream()
                                                        .map(language -> language + ".yaml")
                                                        .toList()));
            }
        }
        return files;
    }

    /** The flow files in name order, so problems and flows come out the same on every machine. */
    private static List<Path> flowFiles(Path flowsDir, Problems problems) {
        List<Path> flowFiles = new ArrayList<>();
        for (Path file : list(flowsDir, problems)) {
            if (file.getFileName().toString().endsWith(".yaml")) {
                flowFiles.add(file);
            } else if (isYaml(file)) {
                problems.in(file).add(0, "not read: flow files end in .yaml; rename it");
            }
        }
        if (flowFiles.isEmpty() && Files.isDirectory(flowsDir)) {
            problems.in(flowsDir).add(0, "no flow files (*.yaml) in this directory");
        }
        return flowFiles;
    }

    private static List<Path> list(Path dir, Problems problems) {
        if (!Files.isDirectory(dir)) {
            problems.in(dir).add(0, "directory is missing");
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException unreadable) {
            problems.in(dir).add(0, "cannot list the directory: " + unreadable);
            return List.of();
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
