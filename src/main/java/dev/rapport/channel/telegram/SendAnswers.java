package dev.rapport.channel.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rapport.store.Json;
import java.io.IOException;

/**
 * Reads Telegram's answer to a send as far as the outbox needs it: whether it is {@code "ok": true},
 * and the new message's {@code message_id}. The library binds the whole {@code Message} (sender,
 * chat, text, keyboard…) into objects through Jackson's bean deserializers, the largest share of the
 * sender threads' time, only for the outbox to keep one number. Error answers are not read here: the
 * library reads them (error code, description, {@code retry_after}). Stateless; thread-safe.
 */
final class SendAnswers {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    /** An ok answer; {@code messageId} null for a call without one, or when it was not a whole number. */
    record Ok(String messageId) {}

    private SendAnswers() {}

    /**
     * The ok answer in {@code body}, or null when the answer is not ok (an error to read the library's way).
     *
     * @throws IOException the body is not a JSON object
     */
    static Ok readOk(String body) throws IOException {
        try (JsonParser json = FACTORY.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(json, "The answer is not a JSON object");
            }
            boolean ok = false;
            String messageId = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("ok")) {
                    ok = value == JsonToken.VALUE_TRUE;
                } else if (field.equals("result") && value == JsonToken.START_OBJECT) {
                    messageId = messageId(json);
                } else {
                    json.skipChildren();
                }
            }
            return ok ? new Ok(messageId) : null;
        }
    }

    /** Reads the result object the parser is at; its {@code message_id} when that is a whole number. */
    private static String messageId(JsonParser json) throws IOException {
        String messageId = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("message_id") && value == JsonToken.VALUE_NUMBER_INT) {
                messageId = json.getText();
            } else {
                json.skipChildren();
            }
        }
        return messageId;
    }
}
