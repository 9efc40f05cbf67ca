package dev.rapport.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.inbox.UpdateDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a stored web chat post into an {@link InboundMessage}. Stateless; thread-safe. */
public final class WebchatDecoder implements UpdateDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,64})(?:\\s+(.*))?$", Pattern.DOTALL);

    @Override
    public String channel() {
        return WebchatRoutes.CHANNEL;
    }

    @Override
    public Decoded decode(long updateId, String chatKey, String payload) {
        JsonNode post;
        try {
            post = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored web chat post is not JSON", e);
        }
        Content content;
        if (post.hasNonNull("button")) {
            content = new Content.ButtonPress(post.get("button").asText(), post.path("pressId").asText(), null);
        } else {
            String text = post.path("text").asText();
            Matcher command = COMMAND.matcher(text.strip());
            content = command.matches()
                    ? new Content.Command(command.group(1).toLowerCase(Locale.ROOT),
                    command.group(2) == null ? "" : command.group(2).strip())
                    : new Content.Text(text);
        }
        var sender = new InboundMessage.Sender(chatKey, textOrNull(post, "name"), null, textOrNull(post, "language"));
        Instant sentAt = post.has("at") ? Instant.ofEpochMilli(post.get("at").asLong()) : Instant.now();
        return new Decoded.Message(new InboundMessage(WebchatRoutes.CHANNEL, chatKey, updateId, sender, content, sentAt));
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.get(field).asText().isBlank() ? node.get(field).asText() : null;
    }
}
