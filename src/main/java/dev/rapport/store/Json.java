package dev.rapport.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import dev.rapport.domain.Tier;

/**
 * The one configured JSON mapper: java.time as ISO-8601 text, the domain types as their codes
 * ({@code key}, {@code zh}, {@code telegram}), unknown properties rejected when binding to records. A configured {@link ObjectMapper} is thread-safe and is never reconfigured
 * after this class is loaded, so sharing it holds no mutable state.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(domainCodes())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    /** Each domain type's {@code toString()} is its code; reading takes the code back. */
    private static SimpleModule domainCodes() {
        var module = new SimpleModule("domain-codes");
        module.addSerializer(Tier.class, ToStringSerializer.instance);
        module.addSerializer(Language.class, ToStringSerializer.instance);
        module.addSerializer(Channel.class, ToStringSerializer.instance);
        module.addDeserializer(Tier.class, new CodeDeserializer<>(Tier.class, Tier::of));
        module.addDeserializer(Language.class, new CodeDeserializer<>(Language.class, Language::of));
        module.addDeserializer(Channel.class, new CodeDeserializer<>(Channel.class, Channel::of));
        return module;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serialises a value made of maps, lists, records and java.time values; throws if it cannot be. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Not serialisable as JSON: " + value.getClass().getName(), e);
        }
    }

    /** Parses JSON text; throws {@link IllegalArgumentException} saying where it is malformed. */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Malformed JSON: " + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr(),
                    e);
        }
    }
}
