package dev.rapport.flow;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one YAML file as a node tree, which keeps the line of every value and leaves scalars as
 * written ({@code on}, {@code yes} and {@code 1} stay text instead of becoming booleans or numbers).
 */
final class YamlFile {

    private YamlFile() {}

    /**
     * The file's top-level map, or empty after reporting why there is none: the file is missing, is
     * not UTF-8, has a syntax error, or holds something other than a map.
     */
    static Optional<MappingNode> readMap(Path file, Problems.Where where) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            where.add(0, "file is missing");
            return Optional.empty();
        } catch (CharacterCodingException notUtf8) {
            where.add(0, "file is not UTF-8 text; save it as UTF-8");
            return Optional.empty();
        } catch (IOException unreadable) {
            where.add(0, "cannot read the file: " + unreadable);
            return Optional.empty();
        }
        Node root;
        try {
            root = new Yaml().compose(new StringReader(content));
        } catch (MarkedYAMLException syntax) {
            Mark mark = syntax.getProblemMark() != null ? syntax.getProblemMark() : syntax.getContextMark();
            int line = mark != null ? mark.getLine() + 1 : 0;
            String context = syntax.getContext() != null ? syntax.getContext() + ": " : "";
            where.add(line, "YAML syntax error: " + context + syntax.getProblem());
            return Optional.empty();
        } catch (YAMLException syntax) {
            where.add(0, "YAML syntax error: " + syntax.getMessage());
            return Optional.empty();
        }
        if (root == null) {
            where.add(0, "file is empty");
            return Optional.empty();
        }
        if (!(root instanceof MappingNode map)) {
            where.add(
                    YamlNodes.line(root),
                    "the file must hold a map (key: value lines), not " + YamlNodes.describe(root));
            return Optional.empty();
        }
        return Optional.of(map);
    }
}
