package dev.rapport.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One settings file in {@code config/} ({@code offers.yaml}, {@code handoff.yaml}, …) read by
 * {@link YamlFile}, the reader flows and surveys use too, and bound to a record by Jackson: {@code snake_case} keys map to the record's components, a key the
 * record does not have is an error (a typo must not fall back to a default silently), and scalars are
 * not coerced ({@code "10"} is not a number, {@code 1.5} is not a whole number).
 *
 * <p>Every problem is a {@link ConfigException} worded {@code file:line:column: path: what is wrong},
 * for example {@code config/offers.yaml:14:5: offers.spring_sale.budget.max_sends: expected a whole
 * number, got "lots"}, where a list element with an {@code id} is named by it. Binding errors get this
 * form here; a feature's own checks (ranges, codes, cross-references) make it with {@link #wrong} and
 * {@link #problem}, which find the line of any value by its path.
 *
 * <p>A missing or empty file reads as an empty map, so every default applies. Immutable; thread-safe.
 */
public final class SettingsDocument {

    /** Binds settings trees to records. Configured once, never changed: sharing it is thread-safe. */
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("(\\d{1,6})\\s*([smhd])");

    private final Path file;
    private final boolean exists;
    /** The file's tree and places; an empty map for a missing or empty file. */
    private final YamlPaths paths;

    private SettingsDocument(Path file, boolean exists, YamlPaths paths) {
        this.file = file;
        this.exists = exists;
        this.paths = paths;
    }

    /**
     * Reads {@code file} with {@link YamlFile}; syntax errors, duplicate keys and a top level that is
     * not a map are errors.
     */
    public static SettingsDocument read(Path file) {
        Node node;
        try {
            node = YamlFile.read(file);
        } catch (YamlFile.Unreadable unreadable) {
            if (unreadable.missing()) {
                return empty(file, false);
            }
            throw unreadable;
        }
        if (node == null || YamlFile.isNull(node)) {
            return empty(file, true);
        }
        YamlPaths paths = YamlPaths.of(file, node);
        if (!paths.root().isObject()) {
            throw new ConfigException(at(file, paths.value(List.of()))
                    + "expected a map of settings (key: value lines) at " + "the top, got " + describe(paths.root()));
        }
        return new SettingsDocument(file, true, paths);
    }

    private static SettingsDocument empty(Path file, boolean exists) {
        return new SettingsDocument(file, exists, YamlPaths.none(JsonNodeFactory.instance.objectNode()));
    }

    public Path file() {
        return file;
    }

    /** False when the file does not exist (an empty file exists). */
    public boolean exists() {
        return exists;
    }

    /** The file's content as a tree, for settings whose keys are data (reason codes, tiers). */
    public JsonNode root() {
        return paths.root();
    }

    /**
     * The file bound to {@code type}: a record whose components are the file's keys in camelCase, with
     * boxed types so that a missing value is {@code null} and its default is the caller's to choose.
     */
    public <T> T bind(Class<T> type) {
        try {
            return BINDER.treeToValue(paths.root(), type);
        } catch (UnrecognizedPropertyException unknown) {
            List<Object> path = path(unknown);
            throw unknown(
                    unknown.getKnownPropertyIds().stream().map(String::valueOf).toList(), path.toArray());
        } catch (MismatchedInputException mismatch) {
            List<Object> path = path(mismatch);
            throw wrongAt(paths.value(path), path, expected(mismatch.getTargetType()));
        } catch (JsonMappingException other) {
            List<Object> path = path(other);
            throw new ConfigException(
                    at(file, paths.value(path)) + paths.name(path) + ": " + other.getOriginalMessage());
        } catch (JsonProcessingException other) {
            throw new ConfigException(file + ": " + other.getOriginalMessage());
        }
    }

    /**
     * The value at {@code path} (keys and list indexes, such as {@code "offers", 2, "valid_until"}) is
     * wrong: {@code file:line:column: offers.spring.valid_until: expected EXPECTED, got "1 Jan"}. A value
     * that is missing is placed at the map that should hold it.
     */
    public ConfigException wrong(String expected, Object... path) {
        return wrongAt(paths.value(List.of(path)), List.of(path), expected);
    }

    /** Something about the value at {@code path} is wrong, in the caller's words. */
    public ConfigException problem(String message, Object... path) {
        return new ConfigException(at(file, paths.value(List.of(path))) + paths.name(List.of(path)) + ": " + message);
    }

    /** {@code value}, or {@code fallback} when it is not set; outside {@code min..max} it is wrong. */
    public int whole(Integer value, int fallback, int min, int max, Object... path) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw wrong("a whole number from " + min + " to " + max, path);
        }
        return value;
    }

    /** {@code 30s}, {@code 10m}, {@code 2h} or {@code 1d}, more than zero; {@code fallback} when not set. */
    public java.time.Duration duration(String value, java.time.Duration fallback, Object... path) {
        if (value == null) {
            return fallback;
        }
        var matcher = DURATION.matcher(value.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw wrong("a duration such as 30s, 10m, 2h or 3d", path);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> java.time.Duration.ofSeconds(amount);
            case "m" -> java.time.Duration.ofMinutes(amount);
            case "h" -> java.time.Duration.ofHours(amount);
            default -> java.time.Duration.ofDays(amount);
        };
    }

    /** The key at {@code path} is not a setting: placed at the key, with the settings there are. */
    public ConfigException unknown(java.util.Collection<String> known, Object... path) {
        return new ConfigException(at(file, paths.key(List.of(path))) + paths.name(List.of(path))
                + ": unknown setting; known " + (path.length > 1 ? "here" : "at the top") + ": "
                + String.join(", ", new TreeSet<>(known)));
    }

    private ConfigException wrongAt(YamlPaths.Place location, List<Object> path, String expected) {
        JsonNode value = paths.node(path);
        return new ConfigException(at(file, location) + paths.name(path) + ": expected " + expected + ", got "
                + (value == null ? "nothing" : describe(value)));
    }

    /** {@code file:line:column} of the value at {@code path} (or of the nearest map above it that is there). */
    public String where(Object... path) {
        String at = at(file, paths.value(List.of(path)));
        return at.substring(0, at.length() - 2);
    }

    private static List<Object> path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? (Object) reference.getFieldName()
                        : (Object) reference.getIndex())
                .toList();
    }

    private static String at(Path file, YamlPaths.Place location) {
        if (location == null) {
            return file + ": ";
        }
        return file + ":" + location.line() + ":" + location.column() + ": ";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a map of settings";
    }

    /** A value as a person would point at it: {@code "lots"}, {@code 12}, {@code a list}. */
    public static String describe(JsonNode value) {
        if (value.isTextual()) {
            return '"' + value.asText() + '"';
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a map";
        }
        if (value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        return value.asText();
    }
}
