package dev.rapport.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks across flows: a flow id names one flow, and a command or intent starts one flow. The
 * problem is reported where the second use is written, naming the file of the first.
 */
final class TriggerChecks {

    private TriggerChecks() {}

    private record FirstUse(ParsedFlow flow, int line) {

        String where() {
            return flow.file() + ":" + line;
        }
    }

    static void check(List<ParsedFlow> flows, Problems problems) {
        Map<String, FirstUse> ids = new HashMap<>();
        Map<String, FirstUse> commands = new HashMap<>();
        Map<String, FirstUse> intents = new HashMap<>();
        for (ParsedFlow parsed : flows) {
            Flow flow = parsed.flow();
            Problems.Where where = parsed.where(problems);
            if (flow.id() != null) {
                int line = parsed.lines().of("id");
                FirstUse first = ids.putIfAbsent(flow.id(), new FirstUse(parsed, line));
                if (first != null) {
                    where.add(
                            line,
                            "flow id '" + flow.id() + "' is also used by " + first.where()
                                    + "; every flow needs its own id");
                }
            }
            for (String command : flow.triggers().commands()) {
                int line = parsed.lines().of("commands." + command);
                FirstUse first = commands.putIfAbsent(command.toLowerCase(Locale.ROOT), new FirstUse(parsed, line));
                if (first != null) {
                    where.add(
                            line,
                            "command /" + command + " already starts flow '"
                                    + first.flow().flow().id() + "' (" + first.where()
                                    + "); a command can start only one flow");
                }
            }
            for (String intent : flow.triggers().intents()) {
                int line = parsed.lines().of("intents." + intent);
                FirstUse first = intents.putIfAbsent(intent, new FirstUse(parsed, line));
                if (first != null) {
                    where.add(
                            line,
                            "intent '" + intent + "' already starts flow '"
                                    + first.flow().flow().id() + "' (" + first.where()
                                    + "); an intent can start only one flow");
                }
            }
        }
    }
}
