package dev.rapport.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import dev.rapport.domain.StaffRef;
import dev.rapport.domain.Tier;
import dev.rapport.store.Json;
import dev.rapport.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code handoffs} rows (joined with the customer) into the public records. Stateless; thread-safe. */
final class HandoffRows {

    /** The columns {@link #detail} and {@link #queued} read; {@code h} is handoffs, {@code c} customers. */
    static final String COLUMNS = """
            h.id, h.channel, h.chat_key, h.customer_id, h.state, h.reasons::text AS reasons, h.priority, h.tier,
            h.for_manager, h.owner_id, h.owner_name, h.opened_at, h.claimed_at, h.first_response_at, h.flagged_at,
            h.closed_at, h.closed_by_id, h.closed_by_name, c.name AS customer_name, c.language""";

    static final String FROM = "handoffs h JOIN customers c ON c.id = h.customer_id";

    private HandoffRows() {}

    static HandoffDetail detail(ResultSet rs) throws SQLException {
        Instant opened = Rows.instant(rs, "opened_at");
        Instant claimed = Rows.instant(rs, "claimed_at");
        Instant firstResponse = Rows.instant(rs, "first_response_at");
        Instant closed = Rows.instant(rs, "closed_at");
        return new HandoffDetail(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getString("customer_name"),
                Tier.of(rs.getString("tier")),
                Language.of(rs.getString("language")),
                Channel.of(rs.getString("channel")),
                rs.getString("chat_key"),
                reasons(rs.getString("reasons")),
                HandoffSettings.priorityName(rs.getInt("priority")),
                HandoffState.of(rs.getString("state")),
                staff(rs, "owner_id", "owner_name"),
                rs.getBoolean("for_manager"),
                opened,
                claimed,
                firstResponse,
                Rows.instant(rs, "flagged_at"),
                closed,
                staff(rs, "closed_by_id", "closed_by_name"),
                firstResponse == null ? null : Duration.between(opened, firstResponse),
                closed == null || claimed == null ? null : Duration.between(claimed, closed));
    }

    /** Also reads {@code last_text} and {@code last_at}, the customer's latest message in the chat. */
    static QueuedHandoff queued(ResultSet rs) throws SQLException {
        HandoffDetail detail = detail(rs);
        return new QueuedHandoff(
                detail.id(),
                detail.customerId(),
                detail.customerName(),
                detail.tier(),
                detail.language(),
                detail.channel(),
                detail.chatKey(),
                detail.reasons(),
                detail.priority(),
                detail.state(),
                detail.owner(),
                detail.openedAt(),
                detail.openedAt(),
                rs.getString("last_text"),
                Rows.instant(rs, "last_at"),
                detail.forManager(),
                detail.flagged());
    }

    static List<HandoffReason> reasons(String json) {
        var reasons = new ArrayList<HandoffReason>();
        for (JsonNode reason : Json.read(json)) {
            String detail =
                    reason.path("detail").isTextual() ? reason.get("detail").asText() : null;
            reasons.add(new HandoffReason(
                    reason.path("reason").asText(),
                    detail,
                    Instant.parse(reason.path("at").asText())));
        }
        return List.copyOf(reasons);
    }

    static StaffRef staff(ResultSet rs, String idColumn, String nameColumn) throws SQLException {
        long id = rs.getLong(idColumn);
        return rs.wasNull() ? null : new StaffRef(id, rs.getString(nameColumn));
    }

    /** ORDER BY terms for the configured queue order. */
    static String orderBy(List<String> queueOrder) {
        var terms = new ArrayList<String>();
        for (String key : queueOrder) {
            terms.add(
                    switch (key) {
                        case "tier" ->
                            "CASE h.tier WHEN 'key' THEN 0 WHEN 'major' THEN 1 WHEN 'ordinary' THEN 2 ELSE 3 END";
                        case "priority" -> "h.priority";
                        default -> "h.opened_at";
                    });
        }
        terms.add("h.id");
        return String.join(", ", terms);
    }
}
