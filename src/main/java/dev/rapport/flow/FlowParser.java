package dev.rapport.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads one {@code conversations/flows/*.yaml} file: its id, triggers and steps. */
final class FlowParser {

    private static final List<String> FLOW_KEYS = List.of("id", "internal", "triggers", "steps");
    private static final List<String> TRIGGER_KEYS = List.of("commands", "intents");

    /** What Telegram accepts as a bot command, written without the slash. */
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

    private FlowParser() {}

    /**
     * The parsed flow, or empty when the file cannot be read as a flow at all; problems are reported.
     * {@code menu} is what {@code buttons: menu} stands for.
     */
    static Optional<ParsedFlow> parse(Path file, Problems problems, List<List<ButtonSpec>> menu) {
        int problemsBefore = problems.count();
        Optional<MappingNode> root = YamlNodes.readMap(file, problems.in(file));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Problems.Where where = problems.in(file).flow(YamlNodes.peekText(root.get(), "id"));
        Fields fields = new Fields(root.get(), where);
        fields.reportUnknownKeys(FLOW_KEYS, "a flow");
        ParsedFlow.Lines lines = new ParsedFlow.Lines(fields.line());
        String id = fields.requiredText("id", "the flow, such as 'id: complaint'");
        if (id != null && !StepParser.ID.matcher(id).matches()) {
            where.add(fields.line("id"), "flow id '" + id + "' may only use letters, digits, '_' and '-'");
        }
        lines.flowField("id", fields.line("id"));
        Triggers triggers = triggers(fields, where, lines);
        boolean internal = internal(fields, where);
        if (internal && (!triggers.commands().isEmpty() || !triggers.intents().isEmpty())) {
            where.add(
                    fields.line("internal"),
                    "an internal flow is started only by Rapport (an outreach or a goto); "
                            + "remove its commands and intents, or remove 'internal: true'");
        }

        List<Step> steps = new ArrayList<>();
        Map<String, Integer> declaredStepLines = new LinkedHashMap<>();
        List<Node> stepNodes = stepNodes(fields, where);
        StepParser stepParser = new StepParser(file, lines, menu);
        for (int index = 0; index < stepNodes.size(); index++) {
            Node stepNode = stepNodes.get(index);
            StepParser.Result result = stepParser.parse(stepNode, index + 1, where);
            if (result.id() != null) {
                Integer firstLine = declaredStepLines.putIfAbsent(result.id(), YamlNodes.line(stepNode));
                if (firstLine != null) {
                    where.step(result.id())
                            .add(
                                    YamlNodes.line(stepNode),
                                    "step id '" + result.id() + "' is used twice in this flow (first on line "
                                            + firstLine + "); step ids must be unique");
                }
            }
            if (result.step() != null) {
                steps.add(result.step());
            }
        }
        Flow flow = new Flow(id, triggers, steps, new Source(file, fields.line()), internal);
        // A step that could not be built has been reported, so no new problems means every step is here.
        boolean complete = !steps.isEmpty() && problems.count() == problemsBefore;
        return Optional.of(new ParsedFlow(file, flow, declaredStepLines.keySet(), complete, lines));
    }

    /** {@code internal: true} or {@code false}; absent is false. */
    private static boolean internal(Fields flow, Problems.Where where) {
        String value = flow.text("internal");
        if (value == null || value.equals("false")) {
            return false;
        }
        if (!value.equals("true")) {
            where.add(flow.line("internal"), "internal must be true or false, not '" + value + "'");
            return false;
        }
        return true;
    }

    private static Triggers triggers(Fields flow, Problems.Where where, ParsedFlow.Lines lines) {
        Optional<MappingNode> node = flow.map("triggers");
        if (node.isEmpty()) {
            return Triggers.none();
        }
        Fields triggers = new Fields(node.get(), where);
        triggers.reportUnknownKeys(TRIGGER_KEYS, "triggers");
        List<String> commands = new ArrayList<>();
        for (ScalarNode command : triggers.textList("commands")) {
            String name = command.getValue();
            if (!COMMAND.matcher(name).matches()) {
                where.add(
                        YamlNodes.line(command),
                        "command '" + name + "' must be 1 to 32 of a-z, 0-9 and '_', " + "written without the slash");
            }
            commands.add(name);
            lines.flowField("commands." + name, YamlNodes.line(command));
        }
        List<String> intents = new ArrayList<>();
        for (ScalarNode intent : triggers.textList("intents")) {
            intents.add(intent.getValue());
            lines.flowField("intents." + intent.getValue(), YamlNodes.line(intent));
        }
        return new Triggers(commands, intents);
    }

    private static List<Node> stepNodes(Fields flow, Problems.Where where) {
        Optional<Node> node = flow.node("steps");
        if (node.isPresent()
                && node.get() instanceof SequenceNode sequence
                && !sequence.getValue().isEmpty()) {
            return sequence.getValue();
        }
        String shape = node.filter(value -> !(value instanceof SequenceNode))
                .map(value -> ", not " + YamlNodes.describe(value))
                .orElse("");
        where.add(flow.line("steps"), "a flow needs 'steps:', a list of at least one step" + shape);
        return List.of();
    }
}
