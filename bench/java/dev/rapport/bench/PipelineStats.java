package dev.rapport.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * How Rapport's stages batched and waited during a window, read back from its own tables:
 * rows written by one transaction share {@code now()} (intake: {@code received_at}; worker:
 * {@code processed_at} and the outbox rows' {@code created_at}) or {@code xmin} (the sender's
 * outcome write). Read after the load stopped; thread-safe.
 */
final class PipelineStats {

    /** Transactions and rows per transaction for one stage. */
    record Batches(long transactions, double meanRows, long maxRows) {
        @Override
        public String toString() {
            return "%,d transactions, %.1f rows each on average, %d at most".formatted(transactions, meanRows, maxRows);
        }
    }

    /** A delay's distribution in milliseconds. */
    record Delay(double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return "p50 %.1f ms, p99 %.1f ms".formatted(p50Millis, p99Millis);
        }
    }

    record Report(
            Batches intake,
            Batches worker,
            Batches senderWrites,
            Delay storedToClaimed,
            Delay claimedToDelivered,
            double outboxRowsPerUpdate) {}

    private PipelineStats() {}

    static Report read(Jdbi jdbi, Instant from, Instant to) {
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        return jdbi.withHandle(handle -> {
            Batches intake = batches(handle, """
                    SELECT count(*) FROM inbound_updates
                    WHERE received_at >= :start AND received_at < :end GROUP BY received_at""", start, end);
            Batches worker = batches(handle, """
                    SELECT count(*) FROM inbound_updates
                    WHERE processed_at >= :start AND processed_at < :end GROUP BY processed_at""", start, end);
            Batches senderWrites = batches(handle, """
                    SELECT count(*) FROM outbox
                    WHERE status = 'sent' AND created_at >= :start AND created_at < :end GROUP BY xmin::text""", start, end);
            Delay storedToClaimed = delay(handle, """
                    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)),
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at))
                    FROM inbound_updates
                    WHERE received_at >= :start AND received_at < :end AND processed_at IS NOT NULL""", start, end);
            Delay claimedToDelivered = delay(handle, """
                    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)),
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at))
                    FROM outbox
                    WHERE created_at >= :start AND created_at < :end AND status = 'sent'""", start, end);
            double rowsPerUpdate = handle.createQuery("""
                            SELECT (SELECT count(*) FROM outbox WHERE created_at >= :start AND created_at < :end)::float8
                                   / greatest(1, (SELECT count(*) FROM inbound_updates
                                                  WHERE processed_at >= :start AND processed_at < :end))""")
                    .bind("start", start)
                    .bind("end", end)
                    .mapTo(Double.class)
                    .one();
            return new Report(intake, worker, senderWrites, storedToClaimed, claimedToDelivered, rowsPerUpdate);
        });
    }

    private static Batches batches(Handle handle, String sizesSql, OffsetDateTime start, OffsetDateTime end) {
        return handle.createQuery(
                        "SELECT count(*), coalesce(avg(n), 0), coalesce(max(n), 0) FROM (" + sizesSql + ") AS sizes(n)")
                .bind("start", start)
                .bind("end", end)
                .map((rs, ctx) -> new Batches(rs.getLong(1), rs.getDouble(2), rs.getLong(3)))
                .one();
    }

    private static Delay delay(Handle handle, String sql, OffsetDateTime start, OffsetDateTime end) {
        return handle.createQuery(sql)
                .bind("start", start)
                .bind("end", end)
                .map((rs, ctx) -> new Delay(rs.getDouble(1) * 1000, rs.getDouble(2) * 1000))
                .one();
    }
}
