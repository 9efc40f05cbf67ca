package dev.rapport.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value and key of one YAML file starts, and how a path through the file is named in a
 * message. A path is a list of keys and list indexes ({@code "offers", 2, "valid_until"}); it is
 * named with dots, and a list element that has an {@code id} by that id ({@code offers.spring.valid_until}),
 * else by its index ({@code queue_order[1]}). Immutable; thread-safe.
 */
final class YamlPaths {

    private final JsonNode root;
    /** By JSON pointer ({@code /offers/0/id}): where the value starts; under {@code key:} + pointer, its key. */
    private final Map<String, JsonLocation> places;

    private YamlPaths(JsonNode root, Map<String, JsonLocation> places) {
        this.root = root;
        this.places = places;
    }

    static YamlPaths none(JsonNode root) {
        return new YamlPaths(root, Map.of());
    }

    /** Reads the places of {@code text} in one pass of {@code yaml}'s parser; {@code root} is its tree. */
    static YamlPaths of(ObjectMapper yaml, String text, JsonNode root) throws IOException {
        var places = new HashMap<String, JsonLocation>();
        try (JsonParser parser = yaml.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    places.putIfAbsent(
                            "key:" + unescape(parser.getParsingContext().pathAsPointer()),
                            parser.currentTokenLocation());
                } else if (!token.isStructEnd()) {
                    var context =
                            token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
                    places.putIfAbsent(unescape(context.pathAsPointer()), parser.currentTokenLocation());
                }
            }
        }
        return new YamlPaths(root, places);
    }

    /** Where the value at {@code path} starts, or the nearest map or list above it that is in the file. */
    JsonLocation value(List<Object> path) {
        for (int length = path.size(); length >= 0; length--) {
            JsonLocation found = places.get(pointer(path.subList(0, length)));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Where the key at the end of {@code path} is written, else where its value is. */
    JsonLocation key(List<Object> path) {
        JsonLocation key = places.get("key:" + pointer(path));
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

    private static String unescape(JsonPointer pointer) {
        return pointer.toString().replace("~1", "/").replace("~0", "~");
    }
}
