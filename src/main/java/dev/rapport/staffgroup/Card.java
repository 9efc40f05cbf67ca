package dev.rapport.staffgroup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The card that opens a customer's topic (and answers {@code /info}): who they are — tier and value —
 * why they were handed over, their open tickets and the last messages of the conversation. Read in
 * the caller's transaction. Stateless; thread-safe.
 */
final class Card {

    private static final int LAST_MESSAGES = 6;
    private static final int MESSAGE_CHARS = 200;

    private Card() {}

    static String text(Handle handle, Texts texts, long handoffId) {
        var handoff = handle.createQuery("""
                        SELECT h.customer_id, h.channel, h.chat_key, h.tier, h.reasons::text AS reasons,
                               coalesce(nullif(c.name, ''), 'Customer #' || c.id) AS name
                        FROM handoffs h JOIN customers c ON c.id = h.customer_id WHERE h.id = :id""").bind("id", handoffId).mapToMap().one();
        long customerId = ((Number) handoff.get("customer_id")).longValue();
        BigDecimal value = handle.createQuery(
                        "SELECT coalesce(sum(coalesce(margin, amount)), 0) FROM purchases WHERE customer_id = :id")
                .bind("id", customerId)
                .mapTo(BigDecimal.class)
                .one();
        String reasons = reasons(String.valueOf(handoff.get("reasons")));
        List<String> tickets = handle.createQuery("""
                        SELECT ticket || ' (' || status || ', ' || category || ')' FROM complaints
                        WHERE customer_id = :id AND status IN ('open', 'in_progress', 'reopened') ORDER BY id""")
                .bind("id", customerId)
                .mapTo(String.class)
                .list();
        List<String> last = handle.createQuery("""
                        SELECT CASE WHEN direction = 'in' THEN '» ' ELSE '« ' END
                               || coalesce(nullif(text, ''), '[' || kind || ']')
                        FROM (SELECT * FROM messages WHERE channel = :channel AND chat_key = :chatKey
                              ORDER BY id DESC LIMIT :limit) recent
                        ORDER BY id""")
                .bind("channel", handoff.get("channel"))
                .bind("chatKey", handoff.get("chat_key"))
                .bind("limit", LAST_MESSAGES)
                .mapTo(String.class)
                .map(Card::shorten)
                .list();
        return texts.text(
                "card",
                Map.of(
                        "name", handoff.get("name"),
                        "tier", String.valueOf(handoff.get("tier")).toUpperCase(),
                        "value", value.stripTrailingZeros().toPlainString(),
                        "reasons", reasons,
                        "tickets", tickets.isEmpty() ? texts.text("card_no_tickets") : String.join(", ", tickets),
                        "messages", String.join("\n", last),
                        "handoff", handoffId));
    }

    private static String reasons(String json) {
        var node = dev.rapport.store.Json.read(json);
        var parts = new java.util.ArrayList<String>();
        node.forEach(reason -> parts.add(reason.path("reason").asText()
                + (reason.hasNonNull("detail") && !reason.get("detail").asText().isBlank()
                        ? " (" + shorten(reason.get("detail").asText()) + ")"
                        : "")));
        return parts.stream().distinct().collect(Collectors.joining(", "));
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= MESSAGE_CHARS ? line : line.substring(0, MESSAGE_CHARS) + "…";
    }
}
