package dev.rapport.staffgroup;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The staff group's posting rate: at most {@code limit} posts per {@code window} (Telegram takes about
 * 20 a minute in one group). Counted in {@code staffgroup_sends}, so instances sharing the database
 * share the budget; the outbox sends one row of the group at a time, so checks and records do not race.
 * Thread-safe.
 */
final class GroupRate {

    private final Jdbi jdbi;
    private final String groupId;
    private final int limit;
    private final Duration window;

    GroupRate(Jdbi jdbi, String groupId, int limit, Duration window) {
        this.jdbi = jdbi;
        this.groupId = groupId;
        this.limit = limit;
        this.window = window;
    }

    /** Posts still allowed in the current window. */
    int left() {
        return jdbi.withHandle(handle -> limit
                - handle.createQuery("""
                        SELECT count(*) FROM staffgroup_sends
                        WHERE group_id = :group AND sent_at > now() - :millis * interval '1 millisecond'""")
                        .bind("group", groupId)
                        .bind("millis", window.toMillis())
                        .mapTo(Integer.class)
                        .one());
    }

    /** How long until one more post is allowed; zero when it is now. */
    Duration waitForOne() {
        return jdbi.withHandle(handle -> {
            var oldest = handle.createQuery("""
                            SELECT extract(epoch FROM (sent_at + :millis * interval '1 millisecond' - now())) * 1000
                            FROM staffgroup_sends
                            WHERE group_id = :group AND sent_at > now() - :millis * interval '1 millisecond'
                            ORDER BY sent_at DESC OFFSET :skip LIMIT 1""")
                    .bind("group", groupId)
                    .bind("millis", window.toMillis())
                    .bind("skip", limit - 1)
                    .mapTo(Double.class)
                    .findOne();
            return oldest.map(millis -> Duration.ofMillis(Math.max(1, (long) Math.ceil(millis)) + 20))
                    .orElse(Duration.ZERO);
        });
    }

    /** Counts one post made now, and forgets posts long out of the window. */
    void record() {
        jdbi.useHandle(handle -> {
            handle.createUpdate("INSERT INTO staffgroup_sends (group_id) VALUES (:group)")
                    .bind("group", groupId)
                    .execute();
            handle.createUpdate("""
                            DELETE FROM staffgroup_sends
                            WHERE group_id = :group AND sent_at < now() - :millis * interval '2 millisecond'""")
                    .bind("group", groupId)
                    .bind("millis", window.toMillis())
                    .execute();
        });
    }
}
