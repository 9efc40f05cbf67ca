package dev.rapport.console;

import dev.rapport.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Finding customers: by name, phone, ticket number or words they wrote; the tickets that wait for a
 * person; and the unhappy survey answers of the last {@value #ALERT_HOURS} hours. Read-only; thread-safe.
 */
final class Lookup {

    /** A customer found, and why (the matching message when it was a text search). */
    record Found(long customerId, String name, String tier, String why, Instant at) {}

    record WaitingTicket(
            String ticket,
            long customerId,
            String name,
            String tier,
            String status,
            String category,
            Instant dueAt,
            Instant breachedAt) {}

    private final Jdbi jdbi;

    Lookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Found> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String digits = q.replaceAll("[^0-9]", "");
        Map<Long, Found> found = new LinkedHashMap<>();
        jdbi.useHandle(handle -> {
            handle.createQuery("""
                            SELECT c.id, c.name, c.tier, k.ticket AS why, k.created_at AS at FROM complaints k JOIN customers c
                            ON c.id = k.customer_id WHERE upper(k.ticket) = upper(:q)""")
                    .bind("q", q)
                    .map(Lookup::found)
                    .forEach(row -> found.putIfAbsent(row.customerId(), row));
            handle.createQuery("""
                            SELECT id, name, tier, coalesce(phone, '') AS why, created_at AS at FROM customers
                            WHERE erased_at IS NULL AND merged_into IS NULL
                              AND (name ILIKE :like OR (length(:digits) >= 4 AND phone LIKE '%' || :digits || '%')
                                   OR external_id = :q)
                            ORDER BY name LIMIT 20""")
                    .bind("like", like)
                    .bind("digits", digits)
                    .bind("q", q)
                    .map(Lookup::found)
                    .forEach(row -> found.putIfAbsent(row.customerId(), row));
            handle.createQuery("""
                            SELECT c.id, c.name, c.tier, m.text AS why, m.created_at AS at FROM messages m JOIN customers c
                            ON c.id = m.customer_id WHERE m.text ILIKE :like ORDER BY m.id DESC LIMIT 20""")
                    .bind("like", like)
                    .map(Lookup::found)
                    .forEach(row -> found.putIfAbsent(row.customerId(), row));
        });
        return new ArrayList<>(found.values());
    }

    /** A customer found: every search selects {@code id, name, tier, why, at}. */
    private static Found found(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Found(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("tier"),
                rs.getString("why"),
                Rows.instant(rs, "at"));
    }

    /** Tickets that wait for a person, the most valuable customers' and the most overdue first. */
    List<WaitingTicket> waitingTickets() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT k.ticket, k.customer_id, c.name, k.tier, k.status, k.category, k.due_at, k.sla_breached_at
                        FROM complaints k JOIN customers c ON c.id = k.customer_id
                        WHERE k.status IN ('open', 'reopened', 'in_progress')
                        ORDER BY array_position(ARRAY['key', 'major', 'ordinary', 'small'], k.tier), k.due_at LIMIT 50""")
                .map((rs, ctx) -> new WaitingTicket(
                        rs.getString("ticket"),
                        rs.getLong("customer_id"),
                        rs.getString("name"),
                        rs.getString("tier"),
                        rs.getString("status"),
                        rs.getString("category"),
                        Rows.instant(rs, "due_at"),
                        Rows.instant(rs, "sla_breached_at")))
                .list());
    }

    static final int ALERT_HOURS = 24;
    static final int ALERTS = 5;

    /** NPS detractors and CSAT 1–2 of the last {@value #ALERT_HOURS} hours, newest first (at most {@value #ALERTS}). */
    List<dev.rapport.survey.SurveyAlerts.Alert> unhappyAnswers(Instant now) {
        return dev.rapport.survey.SurveyAlerts.recent(jdbi, now.minus(java.time.Duration.ofHours(ALERT_HOURS)), ALERTS);
    }
}
