package dev.rapport.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a step's {@code buttons}: either the word {@code menu} or rows of buttons, each
 * {@code {text: key, value: answer}} or {@code {text: key, flow: flow_id}}. Broken buttons are
 * reported and left out.
 */
final class ButtonParser {

    private static final List<String> BUTTON_KEYS = List.of("text", "value", "flow");

    private ButtonParser() {}

    /** {@code menu}: the main menu's rows, which the word {@code menu} stands for (none: the word is a problem). */
    static List<List<ButtonSpec>> parse(Fields step, Path file, List<List<ButtonSpec>> menu) {
        Optional<Node> buttons = step.node("buttons");
        if (buttons.isEmpty() || YamlNodes.isNull(buttons.get())) {
            return List.of();
        }
        Problems.Where where = step.where();
        int line = step.line("buttons");
        if (buttons.get() instanceof ScalarNode word) {
            if (word.getValue().equals(MainMenu.WORD)) {
                if (menu.isEmpty()) {
                    where.add(
                            line,
                            "buttons: menu needs the main menu in conversations/" + MainMenu.FILE
                                    + " (buttons: rows like [{text: menu.complaint, flow: complaint}])");
                }
                return menu; // checked once where the menu is written (FlowChecks.checkMenu)
            }
            where.add(
                    line,
                    "buttons must be the word 'menu' or a list of rows like [[{text: key, value: answer}]], not "
                            + YamlNodes.describe(word));
            return List.of();
        }
        if (!(buttons.get() instanceof SequenceNode rowList)) {
            where.add(
                    line,
                    "buttons must be the word 'menu' or a list of rows, not " + YamlNodes.describe(buttons.get()));
            return List.of();
        }
        List<List<ButtonSpec>> rows = new ArrayList<>();
        for (Node rowNode : rowList.getValue()) {
            if (!(rowNode instanceof SequenceNode row) || row.getValue().isEmpty()) {
                where.add(
                        YamlNodes.line(rowNode),
                        "each row of buttons must be a non-empty list like " + "[{text: key, value: answer}], not "
                                + YamlNodes.describe(rowNode));
                continue;
            }
            List<ButtonSpec> parsedRow = new ArrayList<>();
            for (Node buttonNode : row.getValue()) {
                button(buttonNode, file, where).ifPresent(parsedRow::add);
            }
            if (!parsedRow.isEmpty()) {
                rows.add(List.copyOf(parsedRow));
            }
        }
        return List.copyOf(rows);
    }

    private static Optional<ButtonSpec> button(Node node, Path file, Problems.Where where) {
        int line = YamlNodes.line(node);
        if (!(node instanceof MappingNode map)) {
            where.add(line, "a button must be a map like {text: key, value: answer}, not " + YamlNodes.describe(node));
            return Optional.empty();
        }
        Fields fields = new Fields(map, where);
        fields.reportUnknownKeys(BUTTON_KEYS, "a button");
        String text = fields.requiredText("text", "the message key of the button's label");
        String value = fields.text("value");
        String flow = fields.text("flow");
        if ((value == null) == (flow == null)) {
            where.add(
                    line,
                    value == null
                            ? "a button needs either 'value' (the answer it gives) or 'flow' (the flow it starts)"
                            : "a button has both 'value' and 'flow'; give only one");
            return Optional.empty();
        }
        if (value != null && value.isEmpty()) {
            where.add(line, "a button's value must not be empty");
            return Optional.empty();
        }
        return text == null ? Optional.empty() : Optional.of(new ButtonSpec(text, value, flow, new Source(file, line)));
    }
}
