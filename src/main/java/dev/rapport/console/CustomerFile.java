package dev.rapport.console;

import dev.rapport.store.Rows;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything the customer panel shows about one customer, read in one go (read-only SQL over the
 * features' tables; changes go through the features themselves). Thread-safe.
 */
final class CustomerFile {

    record Customer(
            long id,
            String name,
            String phone,
            String email,
            String language,
            String tier,
            Instant optedOutAt,
            Instant erasedAt,
            Instant createdAt,
            BigDecimal value12m,
            BigDecimal valueAll,
            long purchases) {}

    record Chat(String channel, String chatKey, String username, Instant unreachableAt) {}

    record Purchase(String externalId, BigDecimal amount, String currency, Instant at) {}

    /** {@code files}: the attachments as {@code [kind, reference]} pairs. */
    record Ticket(
            String ticket,
            String status,
            String category,
            String priority,
            String description,
            Instant openedAt,
            Instant dueAt,
            Instant slaBreachedAt,
            String resolutionNote,
            List<List<String>> files) {}

    record Answer(String survey, String question, String type, Integer score, String value, Instant at) {}

    record Offer(String offerId, String code, String issuedVia, Instant issuedAt, Instant redeemedAt) {}

    record Winback(String trigger, String reason, String response, String outcome, Instant startedAt) {}

    record Everything(
            Customer customer,
            List<Chat> chats,
            List<Purchase> purchases,
            List<Ticket> tickets,
            List<Answer> answers,
            List<Offer> offers,
            List<Winback> winbacks) {}

    private final Jdbi jdbi;

    CustomerFile(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Everything> read(long customerId) {
        return jdbi.inTransaction(handle -> customer(handle, customerId)
                .map(customer -> new Everything(
                        customer,
                        handle.createQuery("""
                                SELECT channel, chat_key, username, unreachable_at FROM channel_accounts
                                WHERE customer_id = :id ORDER BY created_at""")
                                .bind("id", customerId)
                                .map((rs, ctx) -> new Chat(
                                        rs.getString("channel"),
                                        rs.getString("chat_key"),
                                        rs.getString("username"),
                                        Rows.instant(rs, "unreachable_at")))
                                .list(),
                        handle.createQuery("""
                                SELECT external_id, amount, currency, purchased_at FROM purchases
                                WHERE customer_id = :id ORDER BY purchased_at DESC LIMIT 10""")
                                .bind("id", customerId)
                                .map((rs, ctx) -> new Purchase(
                                        rs.getString("external_id"),
                                        rs.getBigDecimal("amount"),
                                        rs.getString("currency"),
                                        Rows.instant(rs, "purchased_at")))
                                .list(),
                        tickets(handle, customerId),
                        handle.createQuery("""
                                SELECT r.survey_id, a.question_id, a.question_type, a.score, a.value, a.answered_at
                                FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                                WHERE r.customer_id = :id AND NOT a.skipped ORDER BY a.answered_at DESC LIMIT 20""")
                                .bind("id", customerId)
                                .map((rs, ctx) -> new Answer(
                                        rs.getString("survey_id"),
                                        rs.getString("question_id"),
                                        rs.getString("question_type"),
                                        (Integer) rs.getObject("score"),
                                        rs.getString("value"),
                                        Rows.instant(rs, "answered_at")))
                                .list(),
                        handle.createQuery("""
                                SELECT offer_id, code, issued_via, issued_at, redeemed_at FROM offer_codes
                                WHERE customer_id = :id ORDER BY issued_at DESC LIMIT 20""")
                                .bind("id", customerId)
                                .map((rs, ctx) -> new Offer(
                                        rs.getString("offer_id"),
                                        rs.getString("code"),
                                        rs.getString("issued_via"),
                                        Rows.instant(rs, "issued_at"),
                                        Rows.instant(rs, "redeemed_at")))
                                .list(),
                        handle.createQuery("""
                                SELECT trigger, reason, response, outcome, started_at FROM winback_cases
                                WHERE customer_id = :id ORDER BY started_at DESC LIMIT 10""")
                                .bind("id", customerId)
                                .map((rs, ctx) -> new Winback(
                                        rs.getString("trigger"),
                                        rs.getString("reason"),
                                        rs.getString("response"),
                                        rs.getString("outcome"),
                                        Rows.instant(rs, "started_at")))
                                .list())));
    }

    /** Open tickets first (most urgent first), then the last few finished ones. */
    private static List<Ticket> tickets(Handle handle, long customerId) {
        return handle.createQuery("""
                        SELECT ticket, status, category, priority, description, created_at, due_at, sla_breached_at,
                               resolution_note,
                               (SELECT coalesce(jsonb_agg(jsonb_build_array(a ->> 'kind', a ->> 'file')), '[]')::text
                                FROM jsonb_array_elements(attachments) a) AS files
                        FROM complaints WHERE customer_id = :id
                        ORDER BY (status = 'closed'), created_at DESC LIMIT 15""")
                .bind("id", customerId)
                .map((rs, ctx) -> new Ticket(
                        rs.getString("ticket"),
                        rs.getString("status"),
                        rs.getString("category"),
                        rs.getString("priority"),
                        rs.getString("description"),
                        Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "due_at"),
                        Rows.instant(rs, "sla_breached_at"),
                        rs.getString("resolution_note"),
                        files(rs.getString("files"))))
                .list();
    }

    private static Optional<Customer> customer(Handle handle, long customerId) {
        return handle.createQuery("""
                        SELECT c.id, c.name, c.phone, c.email, c.language, c.tier, c.opted_out_at, c.erased_at, c.created_at,
                               coalesce((SELECT sum(amount) FROM purchases p WHERE p.customer_id = c.id
                                         AND p.purchased_at > now() - interval '12 months'), 0) AS spent_12_months,
                               coalesce((SELECT sum(amount) FROM purchases p WHERE p.customer_id = c.id), 0) AS spent_ever,
                               (SELECT count(*) FROM purchases p WHERE p.customer_id = c.id) AS purchases
                        FROM customers c WHERE c.id = :id""")
                .bind("id", customerId)
                .map((rs, ctx) -> new Customer(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getString("language"),
                        rs.getString("tier"),
                        Rows.instant(rs, "opted_out_at"),
                        Rows.instant(rs, "erased_at"),
                        Rows.instant(rs, "created_at"),
                        rs.getBigDecimal("spent_12_months"),
                        rs.getBigDecimal("spent_ever"),
                        rs.getLong("purchases")))
                .findOne();
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<List<List<String>>> PAIRS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    private static List<List<String>> files(String json) {
        return dev.rapport.store.Json.mapper().convertValue(dev.rapport.store.Json.read(json), PAIRS);
    }
}
