package dev.rapport.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads Bot API request bodies the way Telegram accepts them: JSON (sendMessage and most methods
 * from the TelegramBots client), multipart/form-data (its setWebhook) and url-encoded forms. Every
 * body becomes one JSON object of parameters. Stateless; thread-safe.
 */
final class FakeRequestBodies {

    private static final ObjectMapper JSON = dev.rapport.store.Json.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FakeRequestBodies() {}

    static ObjectNode parse(String contentType, byte[] bytes) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("multipart/form-data")) {
                return multipart(contentType, new String(bytes, StandardCharsets.UTF_8));
            }
            if (type.startsWith("application/x-www-form-urlencoded")) {
                return form(new String(bytes, StandardCharsets.UTF_8));
            }
            if (bytes.length == 0) {
                return NODES.objectNode();
            }
            JsonNode node = JSON.readTree(bytes);
            return node instanceof ObjectNode object ? object : NODES.objectNode();
        } catch (IOException | RuntimeException e) {
            return NODES.objectNode().put("_unreadable", new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static ObjectNode multipart(String contentType, String body) {
        String boundary = null;
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
                boundary = trimmed.substring(9).replace("\"", "");
            }
        }
        ObjectNode fields = NODES.objectNode();
        if (boundary == null) {
            return fields;
        }
        for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String value = part.substring(headersEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            var name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (name.find()) {
                fields.set(name.group(1), value(value));
            }
        }
        return fields;
    }

    private static ObjectNode form(String body) {
        ObjectNode fields = NODES.objectNode();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.set(name, value(value));
        }
        return fields;
    }

    /** A form value: JSON when it is an array or object (allowed_updates, reply_markup), else text. */
    private static JsonNode value(String raw) {
        String trimmed = raw.trim();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            try {
                return JSON.readTree(trimmed);
            } catch (IOException e) {
                // not JSON after all: keep the text
            }
        }
        return NODES.textNode(raw);
    }
}
