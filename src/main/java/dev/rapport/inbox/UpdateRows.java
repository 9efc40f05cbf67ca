package dev.rapport.inbox;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL on {@code inbound_updates}. Stateless. */
final class UpdateRows {

    record Key(String channel, long updateId) {}

    private UpdateRows() {}

    /** Inserts the batch in one statement; returns the keys actually inserted (duplicates are skipped). */
    static List<Key> insert(Handle handle, List<NewUpdate> updates) {
        int size = updates.size();
        String[] channels = new String[size];
        Long[] updateIds = new Long[size];
        String[] chatKeys = new String[size];
        String[] kinds = new String[size];
        String[] payloads = new String[size];
        String[] rawBodies = new String[size];
        String[] statuses = new String[size];
        String[] reasons = new String[size];
        for (int i = 0; i < size; i++) {
            NewUpdate update = updates.get(i);
            channels[i] = update.channel();
            updateIds[i] = update.updateId();
            chatKeys[i] = update.chatKey();
            kinds[i] = update.kind();
            payloads[i] = update.payload();
            rawBodies[i] = update.rawBody();
            statuses[i] = update.status().stored();
            reasons[i] = update.reason();
        }
        return handle
                .createQuery("""
                        INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, raw_body, status, reason,
                                                     processed_at)
                        SELECT channel, update_id, chat_key, kind, CAST(payload AS jsonb), raw_body, status, reason,
                               CASE WHEN status = 'pending' THEN NULL ELSE now() END
                        FROM unnest(:channels, :updateIds, :chatKeys, :kinds, :payloads, :rawBodies, :statuses, :reasons)
                             AS u(channel, update_id, chat_key, kind, payload, raw_body, status, reason)
                        ON CONFLICT (channel, update_id, content_hash) DO NOTHING
                        RETURNING channel, update_id""")
                .bindArray("channels", String.class, (Object[]) channels)
                .bindArray("updateIds", Long.class, (Object[]) updateIds)
                .bindArray("chatKeys", String.class, (Object[]) chatKeys)
                .bindArray("kinds", String.class, (Object[]) kinds)
                .bindArray("payloads", String.class, (Object[]) payloads)
                .bindArray("rawBodies", String.class, (Object[]) rawBodies)
                .bindArray("statuses", String.class, (Object[]) statuses)
                .bindArray("reasons", String.class, (Object[]) reasons)
                .map((rs, ctx) -> rs.getObject("update_id") == null
                        ? null
                        : new Key(rs.getString("channel"), rs.getLong("update_id")))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
