package dev.rapport.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox sender's SQL: claiming due rows under a lease and writing a batch's outcomes in one
 * transaction. Pending rows are scheduled in {@code outbox_queue} (due time, lease; V123), which the
 * outbox's triggers keep equal to its pending rows; {@code outbox} keeps each reply and its outcome.
 * Stateless apart from the {@link Jdbi} it uses; thread-safe.
 */
final class OutboxStore {

    /**
     * Due rows that may go now, each locked while its lease is set. A text waits while an earlier
     * text of its chat is pending (ordering); a button answer does not wait for texts, because the
     * customer's spinner turns until it arrives. Nothing of a chat is claimed while any of its rows
     * is leased, so a chat is never sent to by two threads or two processes at once. Replies to
     * customers who are talking come before outreach however many outreach rows are due.
     *
     * <p>The claim reads and leases {@code outbox_queue}, which holds exactly the pending rows with
     * their scheduling columns (V123), and reads {@code outbox} only by primary key, for the rows it
     * returns: the reply, its key, its attempts and its age.
     *
     * <p>Cost: the plan walks {@code outbox_queue_due} in its order and stops after {@code LIMIT}
     * rows pass, so a claim costs its batch plus the rows it steps over (leased rows in flight, later
     * texts of chats that are waiting) — not the number of pending rows. {@code priority IN (0, 1)}
     * turns {@code next_attempt_at <= now()} into a range per priority, so rows backing off (due later)
     * are not walked either. These keep the plan to that whatever the statistics say when it is made
     * and however the tables grow after (a connection keeps its generic plan until the next analyse):
     * <ul>
     *   <li>the claim runs with sorts disabled ({@link #CLAIM_SETTINGS}), so no plan can read every
     *       pending row through another index and sort them;</li>
     *   <li>and with sequential scans disabled: a plan made while the queue and the accounts were small
     *       read the queue whole for every candidate's chat check and for the lease, and the accounts
     *       for every row (measured: 7,308 buffers instead of 952 once 6,000 rows were pending);</li>
     *   <li>each candidate's chat is looked at once, through {@code outbox_queue_chat} with the chat
     *       as the index condition: the check is a scalar subquery, which runs per candidate with its
     *       values. Written as two {@code NOT EXISTS}, it became anti-joins, and a generic plan costed
     *       when few rows were pending scanned the whole pending index for every candidate and
     *       matched the chat in a join filter (measured: 64 rows claimed touching 63,000 buffers);</li>
     *   <li>whether a returned row's chat is unreachable is one lookup of its account per row (a
     *       lateral subquery with a LIMIT, which cannot be flattened): written as an {@code EXISTS}, it
     *       became a hashed subplan that read every channel account once per claim.</li>
     * </ul>
     * The LIMIT is written into the text ({@link #claimSql}, a power of two), not
     * bound: with a bound LIMIT PostgreSQL planned every claim anew (0.4–1 ms, measured); with a
     * constant it settles on one generic plan per limit after five executions.
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT q.id
                FROM outbox_queue q
                WHERE q.priority IN (0, 1)
                  AND q.next_attempt_at <= now()
                  AND (q.lease_until IS NULL OR q.lease_until <= now())
                  AND q.channel = ANY(:channels)
                  AND (SELECT other.id FROM outbox_queue other   -- one look at the chat's other pending rows
                       WHERE other.channel = q.channel AND other.chat_key = q.chat_key
                         AND (other.lease_until > now()   -- a row of the chat is being sent right now
                              OR (other.id < q.id   -- an earlier text of the chat waits: texts keep their order
                                  AND NOT other.button_answer AND NOT q.button_answer))
                       LIMIT 1) IS NULL
                ORDER BY q.priority, q.next_attempt_at, q.id   -- replies before outreach (V75)
                LIMIT %d
                FOR UPDATE SKIP LOCKED
            ),
            leased AS (
                UPDATE outbox_queue SET lease_until = now() + :leaseMillis * interval '1 millisecond', leased_by = :owner
                WHERE outbox_queue.id = ANY(ARRAY(SELECT id FROM due))   -- by primary key; a join may scan the table
                RETURNING outbox_queue.id
            )
            SELECT o.id, o.dedup_key, o.channel, o.chat_key, o.reply::text AS reply, o.attempts, o.created_at,
                   account.unreachable_at IS NOT NULL AS unreachable
            FROM outbox o
            LEFT JOIN LATERAL (SELECT a.unreachable_at FROM channel_accounts a   -- one lookup per row returned
                               WHERE a.channel = o.channel AND a.chat_key = o.chat_key
                               LIMIT 1) account ON true
            WHERE o.id = ANY(ARRAY(SELECT id FROM leased))""";

    /** What {@link #claim} sets for its transaction before it plans: see {@link #CLAIM} for why. */
    static final String CLAIM_SETTINGS =
            "SET LOCAL enable_sort = off; SET LOCAL enable_seqscan = off"; // one round trip

    /** The largest claim: larger limits are cut to it. */
    static final int MAX_CLAIM = 256;

    private static final String[] CLAIM_BY_BITS = new String[Integer.numberOfTrailingZeros(MAX_CLAIM) + 1];

    static {
        for (int bits = 0; bits < CLAIM_BY_BITS.length; bits++) {
            CLAIM_BY_BITS[bits] = CLAIM.formatted(1 << bits);
        }
    }

    private final Jdbi jdbi;

    OutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The claim for {@code limit} rounded down to a power of two (at least 1, at most {@link #MAX_CLAIM}). */
    static String claimSql(int limit) {
        int capped = Math.max(1, Math.min(limit, MAX_CLAIM));
        return CLAIM_BY_BITS[Integer.numberOfTrailingZeros(Integer.highestOneBit(capped))];
    }

    /** How many rows a claim for {@code limit} asks for: the power of two {@link #claimSql} uses. */
    static int claimSize(int limit) {
        return Integer.highestOneBit(Math.max(1, Math.min(limit, MAX_CLAIM)));
    }

    /**
     * Leases up to {@code limit} rows (rounded down to a power of two, see {@link #claimSize}) that may be
     * sent now to sender {@code owner}, in id order.
     */
    List<ClaimedRow> claim(int limit, Duration lease, Collection<String> channels, String owner) {
        // The claim commits durably, like every write of the outbox: a lease lost to a database crash
        // would make rows this process may already be sending claimable again, and a reply would go
        // out twice. Claims are few (one per batch of up to 64 rows), so the fsync costs little.
        return jdbi
                .inTransaction(handle -> {
                    handle.execute(CLAIM_SETTINGS); // see CLAIM: walk the due rows in order, by index
                    return handle.createQuery(claimSql(limit))
                            .bindArray("channels", String.class, channels)
                            .bind("leaseMillis", lease.toMillis())
                            .bind("owner", owner)
                            .map((rs, ctx) -> new ClaimedRow(
                                    rs.getLong("id"),
                                    rs.getString("dedup_key"),
                                    rs.getString("channel"),
                                    rs.getString("chat_key"),
                                    rs.getString("reply"),
                                    rs.getInt("attempts"),
                                    rs.getObject("created_at", OffsetDateTime.class)
                                            .toInstant(),
                                    rs.getBoolean("unreachable")))
                            .list();
                })
                .stream()
                .sorted(Comparator.comparingLong(ClaimedRow::id))
                .toList();
    }

    /**
     * Extends the lease of rows {@code owner} still holds (pending, leased by it, lease not run out);
     * returns the ids renewed. A row whose lease ran out is not renewed even if no one took it: its
     * sends have stopped, and it is claimed again like any due row. A row no longer pending has left
     * the queue, so it is not renewed either.
     */
    java.util.Set<Long> renew(Collection<Long> ids, Duration lease, String owner) {
        return jdbi.inTransaction(handle -> {
            handle.execute(WRITE_SETTINGS); // by primary key however small the queue was when planned
            return handle.createQuery("""
                            UPDATE outbox_queue SET lease_until = now() + :leaseMillis * interval '1 millisecond'
                            WHERE id = ANY(:ids) AND leased_by = :owner AND lease_until > now()
                            RETURNING id""")
                    .bindArray("ids", Long.class, ids)
                    .bind("leaseMillis", lease.toMillis())
                    .bind("owner", owner)
                    .mapTo(Long.class)
                    .collect(java.util.stream.Collectors.toSet());
        });
    }

    /** Marks every pending row of a chat whose customer is unreachable {@code skipped}; returns how many. */
    int skipUnreachable(String channel, String chatKey) {
        return jdbi.withHandle(handle -> OutcomeEvents.skipChat(handle, channel, chatKey, -1, null));
    }

    /**
     * Every outcome of a batch in one statement. Guards, per row:
     * <ul>
     *   <li>{@code sent} is written whatever the row's state: the channel took the message, and a row
     *       another sender claimed after this one's lease ran out must not be sent a third time;</li>
     *   <li>every other outcome only while the row is still {@code pending} and leased by this sender
     *       ({@code outbox_queue.leased_by = :owner}): once a lease ran out and another sender claimed
     *       the row, a late retry or release from here would clear the other sender's lease and let a
     *       third claim it. The lease is read with the queue row locked ({@code held}), so a claim
     *       that committed after this statement began is seen.</li>
     * </ul>
     * The outcome columns are written on {@code outbox}; no index covers them, so the update is HOT
     * when the page has room. A retry or a release puts the queue row back with its
     * {@code next_attempt_at} and no lease (a release writes only that: it counts no attempt); a
     * {@code sent} or {@code dead} row leaves {@code pending} and the outbox's trigger deletes its
     * queue row (V123). Either way the chat's next rows can be claimed. Released rows are not among
     * the ids returned.
     *
     * <p>Locks: a retried or dead row is locked in the queue, then in the outbox (a released one only in
     * the queue); a {@code sent} row in the outbox, then in the queue (by the trigger's delete), which
     * keeps the common case to one write per table. Two writers take one row in opposite order only
     * when a lease ran out while its first sender still had the row in flight (or erasure meets a row
     * in flight); the deadlock that may follow fails one write, which its {@link OutcomeRecorder}
     * tries again.
     *
     * <p>Plan: every table is reached by primary key ({@code = ANY} of the batch's ids) and planned
     * with sequential scans disabled ({@link #WRITE_SETTINGS}), so that a generic plan made while the
     * queue was nearly empty does not read it whole for every batch once a campaign has filled it.
     */
    static final String WRITE_OUTCOMES = """
            WITH u AS (
                SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:kinds AS text[]), CAST(:sentMicros AS bigint[]),
                                     CAST(:externalIds AS text[]), CAST(:errors AS text[]), CAST(:delayMillis AS bigint[]))
                     AS u(id, kind, sent_micros, external_id, error, delay_millis)
            ),
            held AS (   -- the rows, but sent ones, whose lease this sender still holds
                SELECT q.id FROM outbox_queue q
                WHERE q.id = ANY(ARRAY(SELECT id FROM u WHERE kind <> 'sent')) AND q.leased_by = :owner
                FOR UPDATE
            ),
            requeued AS (
                UPDATE outbox_queue q SET next_attempt_at = now() + u.delay_millis * interval '1 millisecond',
                                          lease_until = NULL
                FROM u
                WHERE q.id = ANY(ARRAY(SELECT id FROM held)) AND u.id = q.id AND u.kind IN ('retry', 'release')
            )
            UPDATE outbox o SET
                status          = CASE WHEN u.kind IN ('sent', 'dead') THEN u.kind ELSE o.status END,
                sent_at         = CASE WHEN u.kind = 'sent'
                                       THEN timestamptz 'epoch' + u.sent_micros * interval '1 microsecond'
                                       ELSE o.sent_at END,
                external_id     = CASE WHEN u.kind = 'sent' THEN u.external_id ELSE o.external_id END,
                attempts        = o.attempts + CASE WHEN u.kind = 'release' THEN 0 ELSE 1 END,
                last_error      = CASE WHEN u.kind = 'release' THEN o.last_error ELSE u.error END
            FROM u
            WHERE o.id = ANY(CAST(:ids AS bigint[])) AND o.id = u.id   -- by primary key, however small the table was
              AND u.kind <> 'release'   -- changes nothing on the outbox row: no attempt, no error
              AND (u.kind = 'sent' OR (o.status = 'pending' AND o.id IN (SELECT id FROM held)))
            RETURNING o.id""";

    /**
     * Writes the outcomes of rows {@code owner} claimed, and the events they cause, in one transaction:
     * one statement for the rows (see {@link #WRITE_OUTCOMES} for what each may overwrite), then a
     * dead-letter event per dead row and the unreachable marks, which are rare, for the rows the
     * statement changed.
     */
    void write(List<Outcome> outcomes, String owner) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> write(handle, outcomes, owner));
    }

    /** What {@link #write} sets for its transaction before it plans: see {@link #WRITE_OUTCOMES}. */
    static final String WRITE_SETTINGS = "SET LOCAL enable_seqscan = off";

    /** {@link #write(List, String)} in the caller's transaction, which it sets {@link #WRITE_SETTINGS} for. */
    static void write(Handle handle, List<Outcome> outcomes, String owner) {
        int size = outcomes.size();
        var ids = new Long[size];
        var kinds = new String[size];
        var sentMicros = new Long[size];
        var externalIds = new String[size];
        var errors = new String[size];
        var delayMillis = new Long[size];
        long now = System.nanoTime();
        Map<String, Outcome> unreachable = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Outcome outcome = outcomes.get(i);
            ids[i] = outcome.row().id();
            switch (outcome.kind()) {
                case SENT -> {
                    kinds[i] = "sent";
                    Instant at = outcome.at();
                    sentMicros[i] = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
                    externalIds[i] = outcome.externalId();
                }
                case RETRY -> {
                    kinds[i] = "retry";
                    errors[i] = OutcomeEvents.truncate(outcome.error());
                    delayMillis[i] = millisCeil(outcome.remainingDelay(now));
                }
                case RELEASE -> {
                    kinds[i] = "release";
                    delayMillis[i] = millisCeil(outcome.remainingDelay(now));
                }
                case DEAD, UNREACHABLE -> {
                    kinds[i] = "dead";
                    errors[i] = OutcomeEvents.truncate(outcome.error());
                }
            }
            if (outcome.kind() == Outcome.Kind.UNREACHABLE) {
                unreachable.putIfAbsent(outcome.row().chat(), outcome);
            }
        }
        handle.execute(WRITE_SETTINGS);
        Set<Long> written = handle.createQuery(WRITE_OUTCOMES)
                .bindArray("ids", Long.class, (Object[]) ids)
                .bindArray("kinds", String.class, (Object[]) kinds)
                .bindArray("sentMicros", Long.class, (Object[]) sentMicros)
                .bindArray("externalIds", String.class, (Object[]) externalIds)
                .bindArray("errors", String.class, (Object[]) errors)
                .bindArray("delayMillis", Long.class, (Object[]) delayMillis)
                .bind("owner", owner)
                .mapTo(Long.class)
                .collect(Collectors.toSet());
        for (Outcome outcome : outcomes) {
            if (outcome.kind() == Outcome.Kind.DEAD
                    && written.contains(outcome.row().id())) {
                OutcomeEvents.deadLetter(handle, outcome);
            }
        }
        for (Outcome outcome : unreachable.values()) {
            if (written.contains(outcome.row().id())) {
                OutcomeEvents.unreachable(handle, outcome);
            }
        }
    }

    /** Pending rows and the age of the oldest, for the gauges. */
    record Depth(long pending, double oldestAgeSeconds) {}

    Depth depth() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT count(*) AS pending,
                               coalesce(extract(epoch FROM now() - min(created_at)), 0) AS oldest
                        FROM outbox_queue""")
                .map((rs, ctx) -> new Depth(rs.getLong("pending"), rs.getDouble("oldest")))
                .one());
    }

    private static long millisCeil(Duration duration) {
        return (duration.toNanos() + 999_999) / 1_000_000;
    }
}
