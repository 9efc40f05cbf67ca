package dev.rapport.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The one YAML reader for Rapport's files — flows, surveys, message files, the menu and every
 * settings file: SnakeYAML's node tree, which keeps the line and column of every key and value and
 * leaves scalars as written ({@code on}, {@code yes} and {@code 1} stay text until a reader asks for
 * more). Flows and surveys walk the tree and report problems by line; {@link SettingsDocument} binds
 * it to records. Stateless; thread-safe.
 */
public final class YamlFile {

    private YamlFile() {}

    /**
     * A file that cannot be read as YAML: missing, not UTF-8, unreadable or a syntax error. Its
     * message reads {@code file:line:column: reason}; line and column are 1-based, 0 when the
     * problem concerns the whole file.
     */
    public static final class Unreadable extends ConfigException {

        private final int line;
        private final int column;
        private final String reason;
        private final boolean missing;

        Unreadable(Path file, int line, int column, String reason, boolean missing) {
            super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + reason);
            this.line = line;
            this.column = column;
            this.reason = reason;
            this.missing = missing;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** What is wrong, without the place. */
        public String reason() {
            return reason;
        }

        /** True when the file does not exist. */
        public boolean missing() {
            return missing;
        }
    }

    /** The file's root node; {@code null} when the file is empty or holds only comments. */
    public static Node read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new Unreadable(file, 0, 0, "file is missing", true);
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable(file, 0, 0, "file is not UTF-8 text; save it as UTF-8", false);
        } catch (IOException unreadable) {
            throw new Unreadable(file, 0, 0, "cannot read the file: " + unreadable, false);
        }
        return parse(content, file);
    }

    /**
     * {@code content} read as YAML, for text that is not a file of its own (a resource on the class
     * path); {@code source} names it in errors. The root node; {@code null} when there is none.
     */
    public static Node parse(String content, Path source) {
        Path file = source;
        try {
            return new Yaml().compose(new StringReader(content));
        } catch (MarkedYAMLException syntax) {
            Mark mark = syntax.getProblemMark() != null ? syntax.getProblemMark() : syntax.getContextMark();
            String context = syntax.getContext() != null ? syntax.getContext() + ": " : "";
            throw new Unreadable(
                    file,
                    mark != null ? mark.getLine() + 1 : 0,
                    mark != null ? mark.getColumn() + 1 : 0,
                    "YAML syntax error: " + context + syntax.getProblem(),
                    false);
        } catch (YAMLException syntax) {
            throw new Unreadable(file, 0, 0, "YAML syntax error: " + syntax.getMessage(), false);
        }
    }

    /**
     * The file's top-level map, or empty after telling {@code problem} (line, message) why there is
     * none: the file is missing, is not UTF-8, has a syntax error, is empty, or holds something other
     * than a map. For readers that report every problem and carry on (flows, surveys).
     */
    public static Optional<MappingNode> readMap(Path file, BiConsumer<Integer, String> problem) {
        Node root;
        try {
            root = read(file);
        } catch (Unreadable unreadable) {
            problem.accept(unreadable.line(), unreadable.reason());
            return Optional.empty();
        }
        if (root == null) {
            problem.accept(0, "file is empty");
            return Optional.empty();
        }
        if (!(root instanceof MappingNode map)) {
            problem.accept(line(root), "the file must hold a map (key: value lines), not " + describe(root));
            return Optional.empty();
        }
        return Optional.of(map);
    }

    /**
     * The texts of a map by key, in file order, its nested maps flattened to dotted keys
     * ({@code canned.late: ...}); {@code null} values and lists are left out.
     */
    public static Map<String, String> texts(Node node) {
        Map<String, String> texts = new LinkedHashMap<>();
        flatten("", node, texts);
        return texts;
    }

    private static void flatten(String prefix, Node node, Map<String, String> into) {
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                flatten(prefix.isEmpty() ? key : prefix + "." + key, tuple.getValueNode(), into);
            }
        } else if (node instanceof ScalarNode scalar && !isNull(node)) {
            into.put(prefix, scalar.getValue());
        }
    }

    /** The 1-based line where the node starts. */
    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The 1-based column where the node starts. */
    public static int column(Node node) {
        return node.getStartMark().getColumn() + 1;
    }

    /** {@code key:}, {@code key: ~} and {@code key: null}; a quoted {@code "null"} is text. */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** A node as a person would point at it: {@code a map}, {@code a list}, {@code the text 'x'}. */
    public static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "the text '" + ((ScalarNode) node).getValue() + "'";
    }
}
