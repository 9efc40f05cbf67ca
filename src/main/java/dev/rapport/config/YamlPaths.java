package dev.rapport.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One settings file's node tree (read by {@link YamlFile}) as a Jackson tree to bind, with where
 * each value and key starts and how a path through the file is named in a message. A path is a list
 * of keys and list indexes ({@code "offers", 2, "valid_until"}); it is named with dots, and a list
 * element that has an {@code id} by that id ({@code offers.spring.valid_until}), else by its index
 * ({@code queue_order[1]}). Immutable; thread-safe.
 *
 * <p>Plain scalars get the types Jackson's YAML parser gives them: {@code ~} and {@code null} are
 * nothing, {@code true}/{@code false} are booleans (not {@code yes}/{@code on}), {@code 12} is a whole
 * number, {@code 9.90} an exact decimal; quoted scalars are always text.
 */
final class YamlPaths {

    /** A 1-based line and column. */
    record Place(int line, int column) {}

    private final JsonNode root;
    /** By JSON pointer ({@code /offers/0/id}): where the value starts; under {@code key:} + pointer, its key. */
    private final Map<String, Place> places;

    private YamlPaths(JsonNode root, Map<String, Place> places) {
        this.root = root;
        this.places = places;
    }

    static YamlPaths none(JsonNode root) {
        return new YamlPaths(root, Map.of());
    }

    /** The tree of {@code node} with its places; a key given twice is an error at its second place. */
    static YamlPaths of(Path file, Node node) {
        var places = new HashMap<String, Place>();
        JsonNode root = convert(file, node, "", places);
        return new YamlPaths(root, places);
    }

    JsonNode root() {
        return root;
    }

    private static JsonNode convert(Path file, Node node, String pointer, Map<String, Place> places) {
        places.putIfAbsent(pointer, place(node));
        if (node instanceof MappingNode map) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (NodeTuple tuple : map.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode key) || YamlFile.isNull(keyNode)) {
                    throw new ConfigException(
                            at(file, keyNode) + "a key must be plain text, not " + YamlFile.describe(keyNode));
                }
                String name = key.getValue();
                if (object.has(name)) {
                    throw new ConfigException(at(file, keyNode) + "key '" + name + "' is given twice (first on line "
                            + places.get("key:" + pointer + "/" + name).line() + "); keep one");
                }
                places.put("key:" + pointer + "/" + name, place(keyNode));
                object.set(name, convert(file, tuple.getValueNode(), pointer + "/" + name, places));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            List<Node> items = sequence.getValue();
            for (int index = 0; index < items.size(); index++) {
                array.add(convert(file, items.get(index), pointer + "/" + index, places));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String value = scalar.getValue();
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return TextNode.valueOf(value);
        }
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return NullNode.getInstance();
        }
        if (Tag.BOOL.equals(tag) && value.matches("true|True|TRUE|false|False|FALSE")) {
            return BooleanNode.valueOf(value.equalsIgnoreCase("true"));
        }
        String clean = value.replace("_", "");
        try {
            if (Tag.INT.equals(tag)) {
                BigInteger whole = clean.startsWith("0x") || clean.startsWith("-0x") || clean.startsWith("+0x")
                        ? new BigInteger(clean.replaceFirst("0x", ""), 16)
                        : new BigInteger(clean);
                return whole.bitLength() < 32
                        ? JsonNodeFactory.instance.numberNode(whole.intValue())
                        : whole.bitLength() < 64
                                ? JsonNodeFactory.instance.numberNode(whole.longValue())
                                : JsonNodeFactory.instance.numberNode(whole);
            }
            if (Tag.FLOAT.equals(tag)) {
                return DecimalNode.valueOf(new BigDecimal(clean));
            }
        } catch (NumberFormatException notPlainNumber) {
            return TextNode.valueOf(value);
        }
        return TextNode.valueOf(value);
    }

    private static Place place(Node node) {
        return new Place(YamlFile.line(node), YamlFile.column(node));
    }

    private static String at(Path file, Node node) {
        return file + ":" + YamlFile.line(node) + ":" + YamlFile.column(node) + ": ";
    }

    /** Where the value at {@code path} starts, or the nearest map or list above it that is in the file. */
    Place value(List<Object> path) {
        for (int length = path.size(); length >= 0; length--) {
            Place found = places.get(pointer(path.subList(0, length)));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Where the key at the end of {@code path} is written, else where its value is. */
    Place key(List<Object> path) {
        Place key = places.get("key:" + pointer(path));
        return key != null ? key : value(path);
    }

    /** The value at {@code path}; null when there is none. */
    JsonNode node(List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get(String.valueOf(step));
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** {@code offers.spring.budget}: keys joined by dots; a list element by its {@code id}, else {@code [i]}. */
    String name(List<Object> path) {
        var name = new StringBuilder();
        JsonNode node = root;
        for (Object step : path) {
            node = node == null
                    ? null
                    : step instanceof Integer index ? node.get(index) : node.get(String.valueOf(step));
            if (step instanceof Integer index) {
                JsonNode id = node == null ? null : node.get("id");
                if (id != null && id.isValueNode() && !id.asText().isBlank()) {
                    name.append(name.isEmpty() ? "" : ".").append(id.asText());
                } else {
                    name.append('[').append(index).append(']');
                }
            } else {
                name.append(name.isEmpty() ? "" : ".").append(step);
            }
        }
        return name.isEmpty() ? "(top level)" : name.toString();
    }

    private static String pointer(List<Object> path) {
        var pointer = new StringBuilder();
        path.forEach(step -> pointer.append('/').append(step));
        return pointer.toString();
    }
}
