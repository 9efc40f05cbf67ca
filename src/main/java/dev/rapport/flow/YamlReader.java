package dev.rapport.flow;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The flow files' YAML reading, for other conversation files that report problems by line the same
 * way (surveys): a node tree that keeps every value's line and leaves scalars as written. Stateless;
 * thread-safe.
 */
public final class YamlReader {

    private YamlReader() {}

    /**
     * The file's top-level map, or empty after telling {@code problem} (line, message) why there is
     * none: missing, not UTF-8, a syntax error, empty, or not a map.
     */
    public static Optional<MappingNode> readMap(Path file, BiConsumer<Integer, String> problem) {
        Problems problems = new Problems();
        Optional<MappingNode> map = YamlFile.readMap(file, problems.in(file));
        problems.sorted().forEach(found -> problem.accept(found.line(), found.message()));
        return map;
    }

    /** The 1-based line where the node starts. */
    public static int line(Node node) {
        return YamlNodes.line(node);
    }
}
