package dev.rapport.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a feature's settings file ({@code config/offers.yaml}, {@code config/winback.yaml}) and turns
 * every wrong value into a {@link ConfigException} that names the file, where in it (an offer id, a
 * tier), the field, the value and what is expected. A missing file reads as empty, so defaults run.
 * Immutable; thread-safe.
 */
public final class SettingsFile {

    private final Path file;
    private final JsonNode root;

    private SettingsFile(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    public static SettingsFile read(Path file) {
        if (!Files.exists(file)) {
            org.slf4j.LoggerFactory.getLogger(SettingsFile.class).warn("{} not found: its defaults apply",
                    file.toAbsolutePath());
        }
        return new SettingsFile(file, FeatureSettings.read(file).orElseGet(FeatureSettings.YAML::createObjectNode));
    }

    public Path file() {
        return file;
    }

    public Section root() {
        return new Section("", root);
    }

    /** A map in the file; {@code where} names it in errors ("offer 'spring'", "tiers.key"). */
    public final class Section {
        private final String where;
        private final JsonNode node;

        Section(String where, JsonNode node) {
            this.where = where;
            this.node = node;
        }

        public ConfigException problem(String field, Object value, String expected) {
            String place = where.isEmpty() ? "" : where + ", ";
            return new ConfigException(file + ": " + place + "field '" + field + "'"
                    + (value == null ? " is missing" : " is '" + value + "'") + ": expected " + expected);
        }

        /** Fails on keys not in {@code known}: a typo should not silently fall back to a default. */
        public void only(Set<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new ConfigException(file + ": " + (where.isEmpty() ? "" : where + ", ") + "unknown field '"
                            + name + "': expected one of " + new java.util.TreeSet<>(known));
                }
            }
        }

        public boolean has(String field) {
            return node.hasNonNull(field);
        }

        public Section section(String field) {
            JsonNode child = node.get(field);
            if (child == null || child.isNull()) {
                return new Section(join(field), FeatureSettings.YAML.createObjectNode());
            }
            if (!child.isObject()) {
                throw problem(field, child.asText(), "a map");
            }
            return new Section(join(field), child);
        }

        /** The maps in list {@code field}; {@code name} makes each one's place from its index and node. */
        public List<Section> list(String field, java.util.function.BiFunction<Integer, JsonNode, String> name) {
            JsonNode child = node.get(field);
            List<Section> sections = new ArrayList<>();
            if (child == null || child.isNull()) {
                return sections;
            }
            if (!child.isArray()) {
                throw problem(field, child.asText(), "a list");
            }
            for (int i = 0; i < child.size(); i++) {
                if (!child.get(i).isObject()) {
                    throw problem(field + "[" + i + "]", child.get(i).asText(), "a map");
                }
                sections.add(new Section(name.apply(i, child.get(i)), child.get(i)));
            }
            return sections;
        }

        public String text(String field, String fallback) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (fallback == null) {
                    throw problem(field, null, "a text");
                }
                return fallback;
            }
            if (!value.isValueNode() || value.asText().isBlank()) {
                throw problem(field, value.toString(), "a non-empty text");
            }
            return value.asText();
        }

        public List<String> texts(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray() || value.isEmpty()) {
                throw problem(field, value == null ? null : value.toString(), "a non-empty list such as [key, major]");
            }
            List<String> texts = new ArrayList<>();
            value.forEach(item -> texts.add(item.asText()));
            return texts;
        }

        public int integer(String field, int fallback, int min, int max) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
                throw problem(field, value.asText(), "a whole number from " + min + " to " + max);
            }
            return value.asInt();
        }

        public BigDecimal amount(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isNumber() || value.decimalValue().signum() < 0) {
                throw problem(field, value == null ? null : value.asText(), "an amount of 0 or more, such as 20 or 9.90");
            }
            return value.decimalValue();
        }

        public boolean bool(String field, boolean fallback) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw problem(field, value.asText(), "true or false");
            }
            return value.asBoolean();
        }

        public LocalDate date(String field) {
            String value = text(field, null);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw problem(field, value, "a date written YYYY-MM-DD");
            }
        }

        public LocalTime time(String field, LocalTime fallback) {
            if (!has(field)) {
                return fallback;
            }
            String value = text(field, null);
            try {
                return LocalTime.parse(value.length() == 4 ? "0" + value : value);
            } catch (DateTimeParseException e) {
                throw problem(field, value, "a time of day written HH:MM, such as \"21:00\"");
            }
        }

        private String join(String field) {
            return where.isEmpty() ? field : where + "." + field;
        }
    }
}
