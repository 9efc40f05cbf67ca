package dev.rapport.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small questions asked of SnakeYAML nodes. */
final class YamlNodes {

    private YamlNodes() {}

    /** The 1-based line where the node starts. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** {@code key:}, {@code key: ~} and {@code key: null}; a quoted {@code "null"} is text. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "the text '" + ((ScalarNode) node).getValue() + "'";
    }

    /**
     * The text under {@code key} before the map is read properly, so that problems found while
     * reading it can already name the flow or step; {@code null} when there is none.
     */
    static String peekText(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode name
                    && name.getValue().equals(key)
                    && tuple.getValueNode() instanceof ScalarNode value
                    && !isNull(value)) {
                return value.getValue();
            }
        }
        return null;
    }

    /**
     * The entries of a map by key, in file order. Keys that are not plain text, and keys given twice
     * (SnakeYAML's node API does not reject them; the second would silently win), are reported and
     * left out.
     */
    static Map<String, NodeTuple> entries(MappingNode map, Problems.Where where) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
                where.add(line(keyNode), "a key must be plain text, not " + describe(keyNode));
                continue;
            }
            String key = scalar.getValue();
            NodeTuple earlier = entries.putIfAbsent(key, tuple);
            if (earlier != null) {
                where.add(
                        line(keyNode),
                        "key '" + key + "' is given twice (first on line " + line(earlier.getKeyNode())
                                + "); keep one");
            }
        }
        return entries;
    }
}
