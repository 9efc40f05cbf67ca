package dev.rapport.flow;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A flow file after parsing, with what the checks that follow need beyond the {@link Flow}: the
 * line of every field, and the ids of all steps written, including steps too broken to build.
 *
 * @param flow its id is {@code null} when the file has none
 * @param complete the file was read without any problem; otherwise a step may be missing or a key
 *     (such as a misspelt {@code next}) ignored, so the paths between steps are not known for sure
 *     and the reachability check is skipped rather than reporting the consequences of a typo
 */
record ParsedFlow(Path file, Flow flow, Set<String> declaredStepIds, boolean complete, Lines lines) {

    ParsedFlow {
        declaredStepIds = Set.copyOf(declaredStepIds);
    }

    /** A flow Java code built: complete, with every line taken from the sources of its steps and buttons. */
    static ParsedFlow built(Flow flow) {
        var stepIds = flow.steps().stream().map(Step::id).collect(java.util.stream.Collectors.toSet());
        return new ParsedFlow(
                flow.source().file(),
                flow,
                stepIds,
                true,
                new Lines(flow.source().line()));
    }

    Problems.Where where(Problems problems) {
        return problems.in(file).flow(flow.id());
    }

    /**
     * Lines of fields by a dotted path: for the flow {@code id}, {@code commands.start},
     * {@code intents.greeting}; for a step {@code next}, {@code outcomes.unchanged},
     * {@code cases.key}, {@code otherwise} and so on. A path never recorded answers the line of the
     * step (or of the flow).
     */
    static final class Lines {

        private final int flowLine;
        private final Map<String, Integer> flowFields = new HashMap<>();
        private final Map<Step, Map<String, Integer>> stepFields = new IdentityHashMap<>();

        Lines(int flowLine) {
            this.flowLine = flowLine;
        }

        void flowField(String path, int line) {
            flowFields.putIfAbsent(path, line);
        }

        void stepFields(Step step, Map<String, Integer> fields) {
            stepFields.put(step, Map.copyOf(fields));
        }

        int of(String path) {
            return flowFields.getOrDefault(path, flowLine);
        }

        int of(Step step, String path) {
            return stepFields
                    .getOrDefault(step, Collections.emptyMap())
                    .getOrDefault(path, step.source().line());
        }
    }
}
