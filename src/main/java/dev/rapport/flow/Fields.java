package dev.rapport.flow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The keys of one YAML map being parsed (a flow, a step, a button), with reads that report a wrong
 * shape at the line where it was written and then carry on, so parsing never stops at the first
 * problem.
 */
final class Fields {

    private final Map<String, NodeTuple> entries;
    private final Problems.Where where;
    private final int line;

    Fields(MappingNode map, Problems.Where where) {
        this.where = where;
        this.entries = YamlNodes.entries(map, where);
        this.line = YamlNodes.line(map);
    }

    Problems.Where where() {
        return where;
    }

    Set<String> names() {
        return entries.keySet();
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The line of the map itself. */
    int line() {
        return line;
    }

    /** The line of {@code name}'s key, or of the map when the key is absent. */
    int line(String name) {
        NodeTuple tuple = entries.get(name);
        return tuple == null ? line : YamlNodes.line(tuple.getKeyNode());
    }

    Optional<Node> node(String name) {
        NodeTuple tuple = entries.get(name);
        return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
    }

    /** Reports every key not in {@code allowed}, suggesting the closest allowed one. */
    void reportUnknownKeys(Collection<String> allowed, String inWhat) {
        for (String name : names()) {
            if (!allowed.contains(name)) {
                where.add(
                        line(name),
                        "unknown key '" + name + "' in " + inWhat + Suggestions.didYouMean(name, allowed)
                                + "; allowed keys: " + String.join(", ", allowed));
            }
        }
    }

    /** The text under {@code name}; {@code null} when absent or null. A list or map is reported. */
    String text(String name) {
        Optional<Node> node = node(name);
        if (node.isEmpty() || YamlNodes.isNull(node.get())) {
            return null;
        }
        if (node.get() instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        where.add(line(name), "'" + name + "' must be a text, not " + YamlNodes.describe(node.get()));
        return null;
    }

    /** Like {@link #text}, but absent, null and empty are reported too. */
    String requiredText(String name, String meaning) {
        boolean wrongShape =
                node(name).filter(node -> !(node instanceof ScalarNode)).isPresent();
        String value = text(name);
        if (value == null || value.isBlank()) {
            if (!wrongShape) {
                where.add(line(name), "'" + name + "' is missing or empty; it must name " + meaning);
            }
            return null;
        }
        return value;
    }

    /** The texts of a list ({@code [a, b]}); absent or null is an empty list. Other shapes are reported. */
    List<ScalarNode> textList(String name) {
        List<ScalarNode> texts = new ArrayList<>();
        Optional<Node> node = node(name);
        if (node.isEmpty() || YamlNodes.isNull(node.get())) {
            return texts;
        }
        if (!(node.get() instanceof SequenceNode sequence)) {
            where.add(line(name), "'" + name + "' must be a list like [a, b], not " + YamlNodes.describe(node.get()));
            return texts;
        }
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && !YamlNodes.isNull(item)) {
                texts.add(scalar);
            } else {
                where.add(
                        YamlNodes.line(item),
                        "each entry of '" + name + "' must be a text, not " + YamlNodes.describe(item));
            }
        }
        return texts;
    }

    /**
     * A map of texts ({@code {a: x, b: y}}) with the value nodes, for their lines; absent or null
     * is an empty map. Values that are not texts are reported and left out.
     */
    Map<String, ScalarNode> textMap(String name) {
        Map<String, ScalarNode> texts = new LinkedHashMap<>();
        Optional<MappingNode> map = map(name);
        if (map.isEmpty()) {
            return texts;
        }
        YamlNodes.entries(map.get(), where).forEach((key, tuple) -> {
            Node value = tuple.getValueNode();
            if (value instanceof ScalarNode scalar && !YamlNodes.isNull(value)) {
                texts.put(key, scalar);
            } else {
                where.add(
                        YamlNodes.line(value),
                        "'" + name + "." + key + "' must be a text, not " + YamlNodes.describe(value));
            }
        });
        return texts;
    }

    /** The map under {@code name}; empty when absent or null. Other shapes are reported. */
    Optional<MappingNode> map(String name) {
        Optional<Node> node = node(name);
        if (node.isEmpty() || YamlNodes.isNull(node.get())) {
            return Optional.empty();
        }
        if (node.get() instanceof MappingNode map) {
            return Optional.of(map);
        }
        where.add(line(name), "'" + name + "' must be a map like {key: value}, not " + YamlNodes.describe(node.get()));
        return Optional.empty();
    }
}
