package dev.rapport.complaint;

import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import dev.rapport.domain.Tier;
import dev.rapport.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One complaint as stored in {@code complaints}. Immutable snapshot; times are null until they happen.
 *
 * @param ticket      the number the customer and staff use, such as {@code C-240117-0042}
 * @param attachments the files the customer sent with it, as stored JSON ({@code [{"kind": ..., "file": ...}]})
 */
public record Complaint(
        long id,
        String ticket,
        long customerId,
        Channel channel,
        String chatKey,
        Status status,
        String category,
        String description,
        String orderRef,
        String attachments,
        Language language,
        Tier tier,
        String priority,
        int slaHours,
        Instant createdAt,
        Instant dueAt,
        Instant slaBreachedAt,
        Instant resolvedAt,
        String resolutionNote,
        Instant followupSentAt,
        int followupsSent,
        Instant followupAnsweredAt,
        Integer csat,
        Instant closedAt) {

    /** The columns {@link #map} reads, for {@code SELECT}s. */
    static final String COLUMNS = """
            id, ticket, customer_id, channel, chat_key, status, category, description, order_ref,
            attachments::text AS attachments, language, tier, priority, sla_hours, created_at, due_at,
            sla_breached_at, resolved_at, resolution_note, followup_sent_at, followups_sent,
            followup_answered_at, csat, closed_at""";

    static Complaint map(ResultSet rs) throws SQLException {
        Integer csat = rs.getObject("csat", Integer.class);
        return new Complaint(
                rs.getLong("id"),
                rs.getString("ticket"),
                rs.getLong("customer_id"),
                Channel.of(rs.getString("channel")),
                rs.getString("chat_key"),
                Status.of(rs.getString("status")).orElseThrow(),
                rs.getString("category"),
                rs.getString("description"),
                rs.getString("order_ref"),
                rs.getString("attachments"),
                Language.of(rs.getString("language")),
                Tier.of(rs.getString("tier")),
                rs.getString("priority"),
                rs.getInt("sla_hours"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "due_at"),
                Rows.instant(rs, "sla_breached_at"),
                Rows.instant(rs, "resolved_at"),
                rs.getString("resolution_note"),
                Rows.instant(rs, "followup_sent_at"),
                rs.getInt("followups_sent"),
                Rows.instant(rs, "followup_answered_at"),
                csat,
                Rows.instant(rs, "closed_at"));
    }
}
