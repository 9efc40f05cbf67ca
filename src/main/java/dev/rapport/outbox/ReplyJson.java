package dev.rapport.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.channel.Button;
import dev.rapport.channel.Reply;
import dev.rapport.store.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link Reply} in {@code outbox.reply} (jsonb). The shape is written here and
 * nowhere else, so rows written by one Rapport version stay readable by the next:
 * <pre>
 * {"type": "text", "text": "…", "buttons": [[{"label": "…", "data": "…"}]]}
 * {"type": "button_answer", "callback_id": "…", "text": "…" | null}
 * {"type": "edit", "message_id": "…", "text": "…"}
 * </pre>
 * Stateless; thread-safe.
 */
public final class ReplyJson {

    static final String TEXT = "text";
    static final String BUTTON_ANSWER = "button_answer";
    static final String EDIT = "edit";

    private static final ObjectMapper JSON = Json.mapper();

    private ReplyJson() {}

    public static String encode(Reply reply) {
        ObjectNode node = JSON.createObjectNode();
        if (reply instanceof Reply.Text text) {
            node.put("type", TEXT);
            node.put("text", text.text());
            if (text.replyTo() != null) {
                node.put("reply_to", text.replyTo());
            }
            ArrayNode rows = node.putArray("buttons");
            for (List<Button> row : text.buttons()) {
                ArrayNode stored = rows.addArray();
                for (Button button : row) {
                    stored.addObject().put("label", button.label()).put("data", button.data());
                }
            }
        } else if (reply instanceof Reply.ButtonAnswer answer) {
            node.put("type", BUTTON_ANSWER);
            node.put("callback_id", answer.callbackId());
            node.put("text", answer.text());
        } else if (reply instanceof Reply.Edit edit) {
            node.put("type", EDIT);
            node.put("message_id", edit.messageId());
            node.put("text", edit.text());
        } else {
            throw new IllegalArgumentException("Unknown reply type: " + reply);
        }
        return node.toString();
    }

    public static Reply decode(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox.reply is not JSON: " + json, e);
        }
        String type = node.path("type").asText("");
        switch (type) {
            case TEXT: {
                var rows = new ArrayList<List<Button>>();
                for (JsonNode row : node.path("buttons")) {
                    var buttons = new ArrayList<Button>();
                    for (JsonNode button : row) {
                        buttons.add(new Button(textOrNull(button, "label"), textOrNull(button, "data")));
                    }
                    rows.add(buttons);
                }
                return new Reply.Text(textOrNull(node, "text"), rows, textOrNull(node, "reply_to"));
            }
            case BUTTON_ANSWER:
                return new Reply.ButtonAnswer(textOrNull(node, "callback_id"), textOrNull(node, "text"));
            case EDIT:
                return new Reply.Edit(textOrNull(node, "message_id"), textOrNull(node, "text"));
            default:
                throw new IllegalArgumentException("outbox.reply has unknown type '" + type + "' (expected '" + TEXT
                        + "', '" + BUTTON_ANSWER + "' or '" + EDIT + "'): " + json);
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
