package dev.rapport.flow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the steps of one flow lead to each other: every step named by {@code next}, {@code outcomes},
 * {@code cases} or {@code otherwise} must exist, and every step must be reachable from the first.
 */
final class StepGraph {

    private StepGraph() {}

    static void check(ParsedFlow parsed, Problems problems) {
        Flow flow = parsed.flow();
        Problems.Where where = parsed.where(problems);
        boolean allTargetsKnown = true;
        for (Step step : flow.steps()) {
            for (Map.Entry<String, String> entry : targets(step).entrySet()) {
                String path = entry.getKey();
                String target = entry.getValue();
                if (!target.equals(Step.END) && !parsed.declaredStepIds().contains(target)) {
                    allTargetsKnown = false;
                    where.step(step.id())
                            .add(
                                    parsed.lines().of(step, path),
                                    path + " names unknown step '" + target + "'"
                                            + Suggestions.didYouMean(target, parsed.declaredStepIds()));
                }
            }
        }
        // A misspelt target would make the step it meant look unreachable too; report only the cause.
        if (parsed.complete() && allTargetsKnown) {
            Set<Step> reached = reachable(flow);
            for (Step step : flow.steps()) {
                if (!reached.contains(step)) {
                    where.step(step.id())
                            .add(
                                    step.source().line(),
                                    "step is unreachable: no path from the first step '"
                                            + flow.first().id()
                                            + "' leads to it; name it in a next, outcomes, cases or otherwise, or remove it");
                }
            }
        }
    }

    /** The steps a step names, by the field that names them ({@code next}, {@code cases.key}, ...). */
    static Map<String, String> targets(Step step) {
        Map<String, String> targets = new LinkedHashMap<>();
        if (step instanceof Step.Action action) {
            action.outcomes().forEach((outcome, target) -> targets.put("outcomes." + outcome, target));
        }
        if (step instanceof Step.Branch branch) {
            branch.cases().forEach((value, target) -> targets.put("cases." + value, target));
            targets.put("otherwise", branch.otherwise());
        }
        String next = next(step);
        if (next != null) {
            targets.put("next", next);
        }
        return targets;
    }

    private static String next(Step step) {
        if (step instanceof Step.Say say) {
            return say.next();
        }
        if (step instanceof Step.Ask ask) {
            return ask.next();
        }
        return step instanceof Step.Action action ? action.next() : null;
    }

    /** Say, ask and action steps without a {@code next} go on with the step written after them. */
    private static boolean fallsThrough(Step step) {
        return next(step) == null
                && (step instanceof Step.Say || step instanceof Step.Ask || step instanceof Step.Action);
    }

    private static Set<Step> reachable(Flow flow) {
        Set<Step> reached = new HashSet<>();
        Deque<Step> pending = new ArrayDeque<>();
        pending.add(flow.first());
        while (!pending.isEmpty()) {
            Step step = pending.poll();
            if (!reached.add(step)) {
                continue;
            }
            targets(step).values().forEach(target -> flow.step(target).ifPresent(pending::add));
            if (fallsThrough(step)) {
                flow.after(step).ifPresent(pending::add);
            }
        }
        return reached;
    }
}
