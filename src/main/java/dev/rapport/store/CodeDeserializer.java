package dev.rapport.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.function.Function;

/**
 * Reads a domain value from its code ({@code "major"}); an unknown code is an input error naming the
 * value and the codes allowed, which Jackson reports with the line and field. Thread-safe.
 */
final class CodeDeserializer<T> extends StdScalarDeserializer<T> {

    private final transient Function<String, T> parse;

    CodeDeserializer(Class<T> type, Function<String, T> parse) {
        super(type);
        this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String code = parser.getValueAsString();
        try {
            return parse.apply(code);
        } catch (IllegalArgumentException e) {
            return (T) context.handleWeirdStringValue(handledType(), code, e.getMessage());
        }
    }
}
