package dev.rapport.staffgroup;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The customers' topics in the staff group ({@code staffgroup_topics}) and the names they show:
 * state, customer, tier and ticket. Stateless; thread-safe.
 */
final class Topics {

    /** Telegram's six topic colours; a customer's topic keeps one, chosen by their tier. */
    private static final int[] COLOURS = {0xFB6F5F, 0xFFD67E, 0x6FB9F0, 0x8EEE98, 0xCB86DB, 0xFF93B2};

    record Topic(
            String groupId,
            long customerId,
            Long threadId,
            Long handoffId,
            String name,
            String state,
            String ownerName) {}

    private Topics() {}

    static Optional<Topic> find(Handle handle, String groupId, long customerId, boolean lock) {
        return handle.createQuery("SELECT * FROM staffgroup_topics WHERE group_id = :group AND customer_id = :customer"
                        + (lock ? " FOR UPDATE" : ""))
                .bind("group", groupId)
                .bind("customer", customerId)
                .map((rs, ctx) -> new Topic(
                        rs.getString("group_id"),
                        rs.getLong("customer_id"),
                        (Long) rs.getObject("thread_id"),
                        (Long) rs.getObject("handoff_id"),
                        rs.getString("name"),
                        rs.getString("state"),
                        rs.getString("owner_name")))
                .findOne();
    }

    static Optional<Long> customerOfThread(Handle handle, String groupId, long threadId) {
        return handle.createQuery(
                        "SELECT customer_id FROM staffgroup_topics WHERE group_id = :group AND thread_id = :thread")
                .bind("group", groupId)
                .bind("thread", threadId)
                .mapTo(Long.class)
                .findOne();
    }

    /** The topic's name now: {@code ⏳ Ann Lee · KEY · C-240117-0042}, at most 128 characters. */
    static String name(Handle handle, long customerId, Long handoffId, String state) {
        String icon = switch (state == null ? "" : state) {
            case "claimed" -> "💬";
            case "closed" -> "✅";
            default -> "⏳";
        };
        var customer = handle.createQuery(
                        "SELECT coalesce(nullif(name, ''), 'Customer #' || id) AS name, tier FROM customers WHERE id = :id")
                .bind("id", customerId)
                .mapToMap()
                .one();
        String ticket = handle.createQuery("""
                        SELECT ticket FROM complaints WHERE customer_id = :id AND status IN ('open', 'in_progress', 'reopened')
                        ORDER BY id DESC LIMIT 1""")
                .bind("id", customerId)
                .mapTo(String.class)
                .findOne()
                .orElse(handoffId == null ? "" : "H" + handoffId);
        String name = icon + " " + customer.get("name") + " · "
                + String.valueOf(customer.get("tier")).toUpperCase() + (ticket.isEmpty() ? "" : " · " + ticket);
        return name.length() <= 128 ? name : name.substring(0, 127) + "…";
    }

    static int colour(Handle handle, long customerId) {
        String tier = handle.createQuery("SELECT tier FROM customers WHERE id = :id")
                .bind("id", customerId)
                .mapTo(String.class)
                .one();
        return switch (tier) {
            case "key" -> COLOURS[0];
            case "major" -> COLOURS[1];
            case "ordinary" -> COLOURS[2];
            default -> COLOURS[3];
        };
    }
}
