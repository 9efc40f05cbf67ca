package dev.rapport.outbox;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * How many outbox senders share the bot's global send rate. Telegram's flood limit is per bot, and
 * every Rapport instance on a database claims from the same queue, so N senders at 1/N of
 * {@code outbox.global_per_second} each keep to the limit together, and none idles while another has
 * work. Each sender writes its heartbeat to {@code outbox_senders} (V124) before a claim, at most every
 * {@link #EVERY}, and counts the senders seen within {@link #GONE_AFTER}.
 *
 * <p>A sender that starts takes its share at its first claim; the others take their smaller shares at
 * their next heartbeat, within {@link #EVERY}. One that stops removes its row ({@link #leave}), so the
 * others take its share at once; one that died is counted until {@link #GONE_AFTER} has passed, and
 * meanwhile the others send below the rate, never above it. Stateless; thread-safe.
 */
final class RateShare {

    /** How often a sender writes its heartbeat and reads the count. */
    static final Duration EVERY = Duration.ofMillis(500);

    /** A sender not seen for this long has stopped or died. Well above the loop's longest wait. */
    static final Duration GONE_AFTER = Duration.ofSeconds(5);

    private final Jdbi jdbi;

    RateShare(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Records that {@code owner} is sending now, forgets senders gone for {@link #GONE_AFTER}, and
     * returns how many senders there are, {@code owner} included (at least 1). One statement; the
     * table is unlogged, so the commit waits for no disk.
     */
    int beat(String owner) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        WITH seen AS (
                            INSERT INTO outbox_senders (owner, seen_at) VALUES (:owner, now())
                            ON CONFLICT (owner) DO UPDATE SET seen_at = now()),
                        gone AS (
                            DELETE FROM outbox_senders
                            WHERE seen_at < now() - :goneMillis * interval '1 millisecond' AND owner <> :owner)
                        SELECT 1 + count(*) FROM outbox_senders   -- as before this statement: without its own writes
                        WHERE owner <> :owner AND seen_at >= now() - :goneMillis * interval '1 millisecond'""")
                .bind("owner", owner)
                .bind("goneMillis", GONE_AFTER.toMillis())
                .mapTo(Integer.class)
                .one());
    }

    /** {@code owner} stops sending: the others take its share at their next heartbeat. */
    void leave(String owner) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM outbox_senders WHERE owner = :owner")
                .bind("owner", owner)
                .execute());
    }
}
