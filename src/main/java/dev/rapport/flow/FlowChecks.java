package dev.rapport.flow;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checks of one flow against everything around it: the other flows, the Java actions, the
 * message files, and Telegram's limit on button data.
 */
final class FlowChecks {

    /** Values a branch can switch on besides the slots its flow's ask steps fill. */
    static final Set<String> BUILT_IN_BRANCH_VALUES = Set.of("tier", "language", "sentiment");

    /** The customer pyramid's tiers, the values {@code branch: {on: tier}} can see. */
    static final Set<String> TIERS = Set.copyOf(dev.rapport.domain.Tier.codes());

    /** What a flow is checked against. */
    record Catalog(
            Set<String> flowIds,
            Set<String> internalFlowIds,
            Set<String> actionNames,
            List<MessageFile> messageFiles,
            List<List<ButtonSpec>> menu) {}

    private FlowChecks() {}

    static void check(ParsedFlow parsed, Catalog catalog, Problems problems) {
        Problems.Where flowWhere = parsed.where(problems);
        Set<String> slots = parsed.flow().steps().stream()
                .filter(step -> step instanceof Step.Ask)
                .map(step -> ((Step.Ask) step).slot())
                .collect(Collectors.toSet());
        for (Step step : parsed.flow().steps()) {
            Problems.Where where = flowWhere.step(step.id());
            ParsedFlow.Lines lines = parsed.lines();
            if (step instanceof Step.Say say) {
                messageKey(say.text(), lines.of(step, "say"), catalog, where);
                buttons(say.buttons(), parsed, step, catalog, where);
            } else if (step instanceof Step.Ask ask) {
                messageKey(ask.text(), lines.of(step, "ask"), catalog, where);
                messageKey(ask.invalid(), lines.of(step, "invalid"), catalog, where);
                buttons(ask.buttons(), parsed, step, catalog, where);
            } else if (step instanceof Step.End end) {
                messageKey(end.text(), lines.of(step, "end"), catalog, where);
                buttons(end.buttons(), parsed, step, catalog, where);
            } else if (step instanceof Step.Action action
                    && !catalog.actionNames().contains(action.name())) {
                where.add(
                        lines.of(step, "action"),
                        "unknown action '" + action.name() + "'"
                                + Suggestions.didYouMean(action.name(), catalog.actionNames())
                                + "; known actions: " + String.join(", ", new TreeSet<>(catalog.actionNames())));
            } else if (step instanceof Step.GoTo goTo) {
                flowExists(goTo.flow(), "goto", lines.of(step, "goto"), catalog, where);
            } else if (step instanceof Step.Branch branch) {
                branch(branch, slots, lines, catalog, where);
            }
        }
    }

    /** The main menu's buttons: labels in every language, flows that exist (callback data is {@code go:<flow>}). */
    static void checkMenu(Catalog catalog, Problems problems) {
        for (ButtonSpec button : catalog.menu().stream().flatMap(List::stream).toList()) {
            Problems.Where where = problems.in(button.source().file());
            messageKey(button.text(), button.source().line(), catalog, where);
            flowExists(button.flow(), "menu button", button.source().line(), catalog, where);
            if (catalog.internalFlowIds().contains(button.flow())) {
                where.add(
                        button.source().line(),
                        "menu button starts flow '" + button.flow() + "', which is internal "
                                + "(started only by Rapport); a customer's button cannot start it");
            }
        }
    }

    private static void branch(
            Step.Branch branch, Set<String> slots, ParsedFlow.Lines lines, Catalog catalog, Problems.Where where) {
        if (!slots.contains(branch.on()) && !BUILT_IN_BRANCH_VALUES.contains(branch.on())) {
            Set<String> known = new TreeSet<>(slots);
            known.addAll(BUILT_IN_BRANCH_VALUES);
            where.add(
                    lines.of(branch, "on"),
                    "branch on unknown value '" + branch.on() + "'"
                            + Suggestions.didYouMean(branch.on(), known)
                            + "; it can be a slot an ask step of this flow fills ("
                            + (slots.isEmpty() ? "none" : String.join(", ", new TreeSet<>(slots)))
                            + ") or tier, language, sentiment");
            return;
        }
        Set<String> values = switch (branch.on()) {
            case "tier" -> TIERS;
            case "language" ->
                catalog.messageFiles().stream().map(MessageFile::language).collect(Collectors.toSet());
            default -> null;
        };
        if (values != null && !slots.contains(branch.on())) {
            branch.cases().keySet().stream()
                    .filter(value -> !values.contains(value))
                    .forEach(value -> where.add(
                            lines.of(branch, "cases." + value),
                            "case '" + value + "' is not a " + branch.on()
                                    + Suggestions.didYouMean(value, values) + "; " + branch.on() + " is one of "
                                    + String.join(", ", new TreeSet<>(values))));
        }
    }

    private static void buttons(
            List<List<ButtonSpec>> rows, ParsedFlow parsed, Step step, Catalog catalog, Problems.Where where) {
        if (rows == catalog.menu()) {
            return; // buttons: menu, checked once by checkMenu
        }
        for (List<ButtonSpec> row : rows) {
            for (ButtonSpec button : row) {
                int line = button.source().line();
                messageKey(button.text(), line, catalog, where);
                if (button.startsFlow()) {
                    flowExists(button.flow(), "button", line, catalog, where);
                    if (catalog.internalFlowIds().contains(button.flow())) {
                        where.add(
                                line,
                                "button starts flow '" + button.flow() + "', which is internal (started only "
                                        + "by Rapport); a customer's button cannot start it. Use goto inside a flow instead");
                    }
                }
                if (parsed.flow().id() != null && step.id() != null) {
                    String data = button.callbackData(parsed.flow().id(), step.id());
                    int bytes = data.getBytes(StandardCharsets.UTF_8).length;
                    if (bytes > ButtonSpec.MAX_CALLBACK_DATA_BYTES) {
                        where.add(
                                line,
                                "button data '" + data + "' is " + bytes + " bytes; Telegram allows at most "
                                        + ButtonSpec.MAX_CALLBACK_DATA_BYTES + ". Shorten the "
                                        + (button.startsFlow() ? "flow id" : "flow id, step id or value"));
                    }
                }
            }
        }
    }

    private static void flowExists(String flowId, String field, int line, Catalog catalog, Problems.Where where) {
        if (!catalog.flowIds().contains(flowId)) {
            where.add(
                    line,
                    field + " names unknown flow '" + flowId + "'" + Suggestions.didYouMean(flowId, catalog.flowIds()));
        }
    }

    /** A key used by a flow must be in every language; {@code null} (no text) needs nothing. */
    private static void messageKey(String key, int line, Catalog catalog, Problems.Where where) {
        if (key == null) {
            return;
        }
        List<MessageFile> lacking = catalog.messageFiles().stream()
                .filter(file -> file.readable() && !file.has(key))
                .toList();
        if (!lacking.isEmpty()) {
            where.add(
                    line,
                    "message key '" + key + "' is missing in "
                            + lacking.stream().map(MessageFile::language).collect(Collectors.joining(" and ")) + " ("
                            + lacking.stream()
                                    .map(file -> file.file().toString())
                                    .collect(Collectors.joining(", ")) + ")");
        }
    }
}
