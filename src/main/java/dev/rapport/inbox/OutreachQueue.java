package dev.rapport.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.engine.Outreach;
import dev.rapport.store.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Queues outreach as an inbound update of kind {@code outreach} in the chat's queue (see
 * {@link Outreach} for the contract). Ids come from the {@code outreach_update_ids} sequence, far
 * above any channel's ids, so an outreach runs after what the customer already sent. The caller's
 * transaction wakes no worker: workers poll, so the start runs within a second of the commit.
 * Stateless; thread-safe.
 */
public final class OutreachQueue implements Outreach {

    static final String KIND = "outreach";
    private static final ObjectMapper JSON = Json.mapper();

    @Override
    public boolean start(
            Handle handle, String key, long customerId, String flow, Map<String, String> slots, boolean byStaff) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("key", key);
        payload.put("flow", flow);
        payload.put("slots", slots);
        if (byStaff) {
            payload.put("by_staff", true);
        }
        return handle.createUpdate("""
                        INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, status)
                        SELECT a.channel, nextval('outreach_update_ids'), a.chat_key, 'outreach',
                               CAST(:payload AS jsonb), 'pending'
                        FROM channel_accounts a
                        LEFT JOIN conversations c ON c.channel = a.channel AND c.chat_key = a.chat_key
                        WHERE a.customer_id = :customerId AND a.unreachable_at IS NULL
                        ORDER BY c.updated_at DESC NULLS LAST, a.created_at DESC
                        LIMIT 1
                        ON CONFLICT ((payload ->> 'key')) WHERE kind = 'outreach' DO NOTHING""")
                        .bind("payload", json(payload))
                        .bind("customerId", customerId)
                        .execute()
                == 1;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outreach slots are not serialisable: " + value, e);
        }
    }
}
