package dev.rapport.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Builds one {@link Step} from its map in a flow file. The key that names the type ({@code say},
 * {@code ask}, {@code action}, {@code branch}, {@code goto}, {@code end}) decides which other keys
 * are allowed. Checks that need the other steps or files run later, in {@link FlowChecks}.
 */
final class StepParser {

    static final List<String> TYPES = List.of("say", "ask", "action", "branch", "goto", "end");

    /** Ids end up in button data ({@code a:<flow>.<step>:<value>}), so they stay plain. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    private static final Map<String, List<String>> KEYS_BY_TYPE = Map.of(
            "say", List.of("id", "say", "buttons", "next"),
            "ask", List.of("id", "ask", "slot", "buttons", "input", "pattern", "invalid", "next"),
            "action", List.of("id", "action", "params", "outcomes", "next"),
            "branch", List.of("id", "branch"),
            "goto", List.of("id", "goto"),
            "end", List.of("id", "end", "buttons"));

    private static final List<String> BRANCH_KEYS = List.of("on", "cases", "otherwise");

    /** The step's id as written ({@code null} if none) and the step, {@code null} when too broken to build. */
    record Result(String id, Step step) {}

    private final Path file;
    private final ParsedFlow.Lines lines;
    private final List<List<ButtonSpec>> menu;

    StepParser(Path file, ParsedFlow.Lines lines, List<List<ButtonSpec>> menu) {
        this.file = file;
        this.lines = lines;
        this.menu = menu;
    }

    Result parse(Node node, int position, Problems.Where flowWhere) {
        if (!(node instanceof MappingNode map)) {
            flowWhere.add(
                    YamlNodes.line(node),
                    "step " + position + " must be a map starting with '- id: ...', not " + YamlNodes.describe(node));
            return new Result(null, null);
        }
        Problems.Where where = flowWhere.step(YamlNodes.peekText(map, "id"));
        Fields fields = new Fields(map, where);
        String id = fields.text("id");
        if (id == null || id.isBlank()) {
            where.add(fields.line(), "step " + position + " has no id; every step needs one, such as 'id: ask_order'");
        } else if (!ID.matcher(id).matches()) {
            where.add(fields.line("id"), "step id '" + id + "' may only use letters, digits, '_' and '-'");
        } else if (id.equals(Step.END)) {
            where.add(fields.line("id"), "'end' cannot be a step id: 'next: end' already means the end of the flow");
        }
        List<String> types = fields.names().stream().filter(TYPES::contains).toList();
        if (types.size() != 1) {
            where.add(
                    fields.line(),
                    types.isEmpty()
                            ? "step has no type; give exactly one of " + String.join(", ", TYPES)
                            : "step has more than one type (" + String.join(", ", types)
                                    + "); split it into one step per type");
            fields.reportUnknownKeys(allKeys(), "a step");
            return new Result(id, null);
        }
        String type = types.get(0);
        reportKeysOfOtherTypes(fields, type);
        Map<String, Integer> fieldLines = new HashMap<>();
        fields.names().forEach(name -> fieldLines.put(name, fields.line(name)));
        Source source = new Source(file, fields.line());
        Step step = switch (type) {
            case "say" -> say(id, fields, source);
            case "ask" -> ask(id, fields, source);
            case "action" -> action(id, fields, source, fieldLines);
            case "branch" -> branch(id, fields, source, fieldLines);
            case "goto" -> goTo(id, fields, source);
            default -> end(id, fields, source);
        };
        if (id == null || step == null) {
            return new Result(id, null);
        }
        lines.stepFields(step, fieldLines);
        return new Result(id, step);
    }

    private Step say(String id, Fields fields, Source source) {
        String text = fields.requiredText("say", "the message key to send");
        List<List<ButtonSpec>> buttons = flowButtonsOnly(fields, "say");
        return text == null ? null : new Step.Say(id, text, buttons, fields.text("next"), source);
    }

    private Step ask(String id, Fields fields, Source source) {
        String text = fields.requiredText("ask", "the message key of the question");
        String slot = fields.requiredText("slot", "the slot the answer is stored in");
        List<List<ButtonSpec>> buttons = ButtonParser.parse(fields, file, menu);
        Step.Input input = input(fields, buttons);
        boolean hasValueButtons = buttons.stream().flatMap(List::stream).anyMatch(button -> !button.startsFlow());
        if (input == Step.Input.BUTTONS_ONLY && !hasValueButtons) {
            fields.where()
                    .add(
                            fields.line(fields.has("input") ? "input" : "buttons"),
                            "this ask waits for a button, but "
                                    + "has no buttons with a value to answer with; add buttons, or set 'input: text' to accept typed answers");
        }
        String pattern = fields.text("pattern");
        if (pattern != null) {
            checkPattern(pattern, input, fields);
        }
        if (text == null || slot == null) {
            return null;
        }
        return new Step.Ask(
                id, text, slot, buttons, input, pattern, fields.text("invalid"), fields.text("next"), source);
    }

    /** {@code input: buttons} or {@code input: text}; without it, buttons only when there are buttons. */
    private static Step.Input input(Fields fields, List<List<ButtonSpec>> buttons) {
        String input = fields.text("input");
        if (input == null) {
            return buttons.isEmpty() ? Step.Input.TEXT : Step.Input.BUTTONS_ONLY;
        }
        switch (input) {
            case "buttons":
                return Step.Input.BUTTONS_ONLY;
            case "text":
                return Step.Input.TEXT;
            default:
                fields.where().add(fields.line("input"), "input must be 'buttons' or 'text', not '" + input + "'");
                return Step.Input.TEXT;
        }
    }

    private static void checkPattern(String pattern, Step.Input input, Fields fields) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException invalid) {
            fields.where()
                    .add(
                            fields.line("pattern"),
                            "pattern '" + pattern + "' is not a valid regular expression: " + invalid.getDescription()
                                    + " near position " + invalid.getIndex());
        }
        if (input == Step.Input.BUTTONS_ONLY) {
            fields.where()
                    .add(
                            fields.line("pattern"),
                            "pattern checks typed answers, but this ask accepts buttons only; "
                                    + "add 'input: text' or remove the pattern");
        }
    }

    private Step action(String id, Fields fields, Source source, Map<String, Integer> fieldLines) {
        String name = fields.requiredText("action", "the Java action to call");
        Map<String, String> params = texts(fields, "params", fieldLines);
        Map<String, String> outcomes = texts(fields, "outcomes", fieldLines);
        return name == null ? null : new Step.Action(id, name, params, outcomes, fields.text("next"), source);
    }

    private Step branch(String id, Fields fields, Source source, Map<String, Integer> fieldLines) {
        Optional<MappingNode> node = fields.map("branch");
        if (node.isEmpty()) {
            if (!fields.has("branch") || YamlNodes.isNull(fields.node("branch").get())) {
                fields.where().add(fields.line("branch"), "branch needs {on: ..., cases: {...}, otherwise: step}");
            }
            return null;
        }
        Fields branch = new Fields(node.get(), fields.where());
        branch.reportUnknownKeys(BRANCH_KEYS, "a branch");
        branch.names().forEach(name -> fieldLines.put(name, branch.line(name)));
        String on = branch.requiredText("on", "a slot of this flow, or tier, language or sentiment");
        String otherwise = branch.requiredText("otherwise", "the step for values no case lists");
        Map<String, String> cases = texts(branch, "cases", fieldLines);
        if (cases.isEmpty()) {
            fields.where().add(branch.line("cases"), "branch has no cases; list them as cases: {value: step}");
        }
        return on == null || otherwise == null ? null : new Step.Branch(id, on, cases, otherwise, source);
    }

    private Step goTo(String id, Fields fields, Source source) {
        String flow = fields.requiredText("goto", "the flow to continue in");
        return flow == null ? null : new Step.GoTo(id, flow, source);
    }

    private Step end(String id, Fields fields, Source source) {
        String text = fields.text("end");
        List<List<ButtonSpec>> buttons = flowButtonsOnly(fields, "end");
        return new Step.End(id, text == null || text.isEmpty() ? null : text, buttons, source);
    }

    /** Buttons that answer with a value only make sense on an ask step, which has a slot to fill. */
    private List<List<ButtonSpec>> flowButtonsOnly(Fields fields, String type) {
        List<List<ButtonSpec>> buttons = ButtonParser.parse(fields, file, menu);
        buttons.stream()
                .flatMap(List::stream)
                .filter(button -> !button.startsFlow())
                .forEach(button -> fields.where()
                        .add(
                                button.source().line(),
                                "a " + type + " step cannot take a button with a value "
                                        + "(nothing waits for the answer); use 'flow: id' or make it an ask step"));
        return buttons;
    }

    /** A map of texts, recording the line of each entry as {@code name.key}. */
    private static Map<String, String> texts(Fields fields, String name, Map<String, Integer> fieldLines) {
        Map<String, String> texts = new LinkedHashMap<>();
        fields.textMap(name).forEach((key, value) -> {
            texts.put(key, value.getValue());
            fieldLines.put(name + "." + key, YamlNodes.line(value));
        });
        return texts;
    }

    private static void reportKeysOfOtherTypes(Fields fields, String type) {
        List<String> allowed = KEYS_BY_TYPE.get(type);
        for (String name : fields.names()) {
            if (allowed.contains(name)) {
                continue;
            }
            String message = allKeys().contains(name)
                    ? "key '" + name + "' does not belong in " + article(type) + " step"
                    : "unknown key '" + name + "' in a step" + Suggestions.didYouMean(name, allowed);
            fields.where()
                    .add(
                            fields.line(name),
                            message + "; " + article(type) + " step takes: " + String.join(", ", allowed));
        }
    }

    private static String article(String type) {
        return (type.equals("ask") || type.equals("action") || type.equals("end") ? "an " : "a ") + type;
    }

    private static List<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>();
        TYPES.forEach(type -> keys.addAll(KEYS_BY_TYPE.get(type)));
        return new ArrayList<>(keys);
    }
}
