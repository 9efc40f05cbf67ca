package dev.rapport.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.channel.Texts;
import dev.rapport.inbox.UpdateDecoder;
import dev.rapport.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Turns a stored web chat post into an {@link InboundMessage}. Stateless; thread-safe. */
public final class WebchatDecoder implements UpdateDecoder {

    @Override
    public String channel() {
        return WebchatRoutes.CHANNEL;
    }

    @Override
    public Decoded decode(long updateId, String chatKey, String payload) {
        JsonNode post;
        try {
            post = Json.mapper().readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored web chat post is not JSON", e);
        }
        Content content;
        if (post.hasNonNull("file")) {
            content = new Content.Media(
                    post.path("kind").asText("document"),
                    ChatFiles.reference(post.get("file").asLong()),
                    null);
        } else if (post.hasNonNull("button")) {
            content = new Content.ButtonPress(
                    post.get("button").asText(), post.path("pressId").asText(), null);
        } else {
            content = Texts.read(post.path("text").asText());
        }
        var sender = new InboundMessage.Sender(chatKey, textOrNull(post, "name"), null, textOrNull(post, "language"));
        Instant sentAt = post.has("at") ? Instant.ofEpochMilli(post.get("at").asLong()) : Instant.now();
        return new Decoded.Message(
                new InboundMessage(dev.rapport.domain.Channel.WEBCHAT, chatKey, updateId, sender, content, sentAt));
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.get(field).asText().isBlank()
                ? node.get(field).asText()
                : null;
    }
}
