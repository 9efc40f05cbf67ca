package dev.rapport.outbox;

import dev.rapport.channel.Reply;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes replies into the {@code outbox} table inside the caller's transaction, so they are
 * committed together with the turn that produced them, or not at all. {@link OutboxSender} delivers
 * them afterwards.
 *
 * <p>Idempotent: a row's {@code dedup_key} is unique and a second write of the same key is ignored,
 * so a turn that is retried after a failure never sends a reply twice. A text longer than a channel
 * message allows is stored as several rows, keys {@code key#1}, {@code key#2}…, sent in that order;
 * only the last part carries the buttons. Stateless; thread-safe.
 */
public final class Outbox {

    private Outbox() {}

    /**
     * One outbox row of a reply as it is stored: its key and its reply as JSON. For statements that
     * queue replies together with other rows; they must insert the rows of a reply in list order,
     * with {@code ON CONFLICT (dedup_key) DO NOTHING}.
     */
    public record Part(String dedupKey, String replyJson) {}

    /** The rows {@code outgoing} is stored as: one, or one per part of a text too long for one message. */
    public static List<Part> parts(Outgoing outgoing) {
        return rows(outgoing).stream()
                .map(row -> new Part(row.dedupKey(), ReplyJson.encode(row.reply())))
                .toList();
    }

    /** Queues one reply; returns how many rows were inserted (0 when its key was already written). */
    public static int enqueue(Handle handle, Outgoing outgoing) {
        List<Row> rows = rows(outgoing);
        // One statement for all parts: a multi-row VALUES list takes its ids in list order, which is
        // the order the parts are sent in. (Batched inserts would not report how many rows were new.)
        var values = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("(:dedupKey")
                    .append(i)
                    .append(", :channel, :chatKey, :messageId, CAST(:reply")
                    .append(i)
                    .append(" AS jsonb), :priority)");
        }
        var insert = handle.createUpdate(
                        "INSERT INTO outbox (dedup_key, channel, chat_key, message_id, reply, priority) VALUES "
                                + values + " ON CONFLICT (dedup_key) DO NOTHING")
                .bind("channel", outgoing.channel())
                .bind("chatKey", outgoing.chatKey())
                .bind("messageId", outgoing.messageId())
                .bind("priority", (short) outgoing.priority().ordinal());
        for (int i = 0; i < rows.size(); i++) {
            insert.bind("dedupKey" + i, rows.get(i).dedupKey())
                    .bind("reply" + i, ReplyJson.encode(rows.get(i).reply()));
        }
        return insert.execute();
    }

    private record Row(String dedupKey, Reply reply) {}

    private static List<Row> rows(Outgoing outgoing) {
        if (!(outgoing.reply() instanceof Reply.Text text)) {
            return List.of(new Row(outgoing.dedupKey(), outgoing.reply()));
        }
        List<String> parts = TextSplitter.split(text.text(), TextSplitter.TELEGRAM_LIMIT);
        if (parts.size() == 1) {
            return List.of(new Row(outgoing.dedupKey(), text));
        }
        var rows = new ArrayList<Row>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            rows.add(new Row(
                    outgoing.dedupKey() + "#" + (i + 1),
                    new Reply.Text(parts.get(i), last ? text.buttons() : List.of(), i == 0 ? text.replyTo() : null)));
        }
        return rows;
    }
}
