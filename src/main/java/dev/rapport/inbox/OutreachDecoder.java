package dev.rapport.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.domain.Channel;
import dev.rapport.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;

/** Reads an outreach queued by {@link OutreachQueue} back into a message for the engine. Stateless; thread-safe. */
final class OutreachDecoder {

    private static final ObjectMapper JSON = Json.mapper();

    private OutreachDecoder() {}

    static InboundMessage decode(String channel, long updateId, String chatKey, String payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored outreach is not JSON", e);
        }
        var slots = new LinkedHashMap<String, String>();
        node.path("slots")
                .fields()
                .forEachRemaining(
                        field -> slots.put(field.getKey(), field.getValue().asText()));
        var content = new Content.Outreach(
                node.path("key").asText(),
                node.path("flow").asText(),
                slots,
                node.path("by_staff").asBoolean(false));
        // Nobody wrote it: the sender carries no details, so the customer's stored ones stay as they are.
        var sender = new InboundMessage.Sender(null, null, null, null);
        return new InboundMessage(Channel.of(channel), chatKey, updateId, sender, content, Instant.now());
    }
}
