package dev.rapport.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of hostile JSON bodies for the fuzz test: a valid body with some of its values
 * replaced by values of other types (objects, arrays, huge and fractional numbers, {@code 1e400},
 * strings with control characters), fields removed or added, deep nesting, and bodies that are not
 * JSON at all. The same seed gives the same bodies. {@link #shrink} makes a failing body smaller
 * while it still fails, so a failure names the least input that shows it. Not thread-safe.
 */
final class JsonMutator {

    private static final ObjectMapper JSON = dev.rapport.store.Json.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    JsonMutator(long seed) {
        this.random = new Random(seed);
    }

    /** One body: mostly mutations of {@code valid}, sometimes raw garbage. */
    String body(String valid) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return garbage();
        }
        if (roll == 1) {
            return "[".repeat(1 + random.nextInt(6000)) + "]".repeat(random.nextInt(3));
        }
        try {
            JsonNode tree = JSON.readTree(valid);
            int mutations = 1 + random.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                tree = mutate(tree);
            }
            String text = tree.toString();
            return roll == 2 ? text.substring(0, random.nextInt(text.length() + 1)) : text; // cut short
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(valid, e);
        }
    }

    private JsonNode mutate(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set("x" + random.nextInt(100), value(0));
                default -> object.set(name, value(0));
            }
        } else if (container instanceof ArrayNode array) {
            array.add(value(0));
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    /** A value of any JSON type, leaning to the ones parsers and databases mishandle. */
    JsonNode value(int depth) {
        return switch (random.nextInt(depth > 3 ? 10 : 13)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(60))));
            case 4 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 5 -> rawNumber();
            case 6 -> NODES.textNode(text());
            case 7 -> NODES.textNode("");
            case 8 -> NODES.textNode(String.valueOf(random.nextInt()));
            case 9 -> NODES.numberNode(random.nextInt(3) - 1);
            case 10 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(
                            List.of("id", "text", "type", "chat", "from", "data", "message", "x")
                                    .get(random.nextInt(8)),
                            value(depth + 1));
                }
                yield object;
            }
        };
    }

    /** Numbers as JSON text can write them but a long cannot hold: 1e400, -0, 1.0e2. */
    private JsonNode rawNumber() {
        String text = List.of("1e400", "-1e400", "1.5", "-0", "1.0e2", "123456789012345678901234567890")
                .get(random.nextInt(6));
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text() {
        var text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            text.append(
                    switch (random.nextInt(8)) {
                        case 0 -> (char) random.nextInt(32); // control characters, NUL among them
                        case 1 -> "\uD83D\uDE00"; // outside the BMP
                        case 2 -> "\uD800"; // a lone surrogate
                        case 3 -> "/";
                        case 4 -> "中文";
                        case 5 -> "'\";--";
                        default -> (char) ('a' + random.nextInt(26));
                    });
        }
        return text.toString();
    }

    private String garbage() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * The smallest variant of {@code failing} (fewer fields, shorter text) for which {@code fails}
     * still holds; {@code failing} itself when it cannot be read as JSON (then it is cut in half
     * while it still fails).
     */
    static String shrink(String failing, java.util.function.Predicate<String> fails) {
        JsonNode tree;
        try {
            tree = JSON.readTree(failing);
        } catch (java.io.IOException e) {
            tree = null;
        }
        if (tree == null || !tree.isContainerNode()) {
            String smallest = failing;
            while (smallest.length() > 1 && fails.test(smallest.substring(0, smallest.length() / 2))) {
                smallest = smallest.substring(0, smallest.length() / 2);
            }
            return smallest;
        }
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            List<JsonNode> containers = new ArrayList<>();
            collect(tree, containers);
            for (JsonNode container : containers) {
                List<String> keys = new ArrayList<>();
                if (container instanceof ObjectNode object) {
                    object.fieldNames().forEachRemaining(keys::add);
                    for (String key : keys) {
                        JsonNode removed = object.remove(key);
                        if (fails.test(tree.toString())) {
                            smaller = true;
                        } else {
                            object.set(key, removed);
                        }
                    }
                }
            }
        }
        return tree.toString();
    }
}
