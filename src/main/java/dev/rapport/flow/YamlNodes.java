package dev.rapport.flow;

import dev.rapport.config.YamlFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Small questions asked of the node tree {@link YamlFile} reads, with problems reported to a flow's place. */
final class YamlNodes {

    private YamlNodes() {}

    /** The file's top-level map, or empty after reporting why there is none (see {@link YamlFile#readMap}). */
    static Optional<MappingNode> readMap(Path file, Problems.Where where) {
        return YamlFile.readMap(file, where::add);
    }

    /** The 1-based line where the node starts. */
    static int line(Node node) {
        return YamlFile.line(node);
    }

    /** {@code key:}, {@code key: ~} and {@code key: null}; a quoted {@code "null"} is text. */
    static boolean isNull(Node node) {
        return YamlFile.isNull(node);
    }

    static String describe(Node node) {
        return YamlFile.describe(node);
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
