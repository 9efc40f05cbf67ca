package dev.rapport.flow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One language's message file, flattened to dotted keys, with the line of every text.
 * {@code readable} is false when the file could not be read at all; its keys are then unknown (not
 * missing), so checks against it are skipped instead of reporting every key.
 */
record MessageFile(String language, Path file, boolean readable, Map<String, Text> texts) {

    /** Telegram refuses longer message texts. */
    static final int MAX_TEXT_LENGTH = 4096;

    record Text(String value, int line) {}

    boolean has(String key) {
        return texts.containsKey(key);
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        texts.forEach((key, text) -> values.put(key, text.value()));
        return values;
    }

    static MessageFile read(Path file, String language, Problems problems) {
        Problems.Where where = problems.in(file);
        Optional<MappingNode> root = YamlNodes.readMap(file, where);
        Map<String, Text> texts = new LinkedHashMap<>();
        root.ifPresent(map -> flatten("", map, texts, where));
        return new MessageFile(language, file, root.isPresent(), texts);
    }

    private static void flatten(String prefix, MappingNode map, Map<String, Text> texts, Problems.Where where) {
        for (Map.Entry<String, NodeTuple> entry : YamlNodes.entries(map, where).entrySet()) {
            String key = prefix + entry.getKey();
            Node value = entry.getValue().getValueNode();
            int line = YamlNodes.line(entry.getValue().getKeyNode());
            if (value instanceof MappingNode nested) {
                flatten(key + ".", nested, texts, where);
            } else if (!(value instanceof ScalarNode scalar)) {
                where.add(line, "'" + key + "' must be a text or a map of texts, not " + YamlNodes.describe(value));
            } else if (YamlNodes.isNull(value) || scalar.getValue().isBlank()) {
                where.add(line, "'" + key + "' has no text; Telegram cannot send an empty message");
            } else if (scalar.getValue().length() > MAX_TEXT_LENGTH) {
                where.add(
                        line,
                        "'" + key + "' is " + scalar.getValue().length() + " characters long; Telegram sends at most "
                                + MAX_TEXT_LENGTH);
            } else {
                Text earlier = texts.putIfAbsent(key, new Text(scalar.getValue(), line));
                if (earlier != null) {
                    where.add(line, "'" + key + "' is defined twice (first on line " + earlier.line() + "); keep one");
                }
            }
        }
    }
}
