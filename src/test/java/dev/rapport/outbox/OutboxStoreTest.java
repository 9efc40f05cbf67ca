package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox's SQL on its own: outcomes written in one statement, and what each may overwrite. */
class OutboxStoreTest {

    private static final Duration LEASE = Duration.ofSeconds(15);

    private final OutboxFixture fixture = new OutboxFixture();
    private final OutboxStore store = new OutboxStore(fixture.database.jdbi());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyKindOfOutcomeOfABatchIsWrittenInOneGo() {
        fixture.enqueue("sent", 1, "a");
        fixture.enqueue("retry", 2, "b");
        fixture.enqueue("release", 3, "c");
        fixture.enqueue("dead", 4, "d");
        var rows = store.claim(10, LEASE, List.of("telegram"), "me");
        assertThat(rows).hasSize(4);
        Instant at = Instant.parse("2026-12-06T10:15:30.123456Z");

        store.write(
                List.of(
                        Outcome.sent(rows.get(0), "501", at),
                        Outcome.retry(rows.get(1), Duration.ofMinutes(5), "[502] Bad Gateway"),
                        Outcome.release(rows.get(2), Duration.ofMinutes(5)),
                        Outcome.dead(rows.get(3), "rejected: [400] Bad Request")),
                "me");

        var sent = fixture.row("sent");
        assertThat(sent.get("status")).isEqualTo("sent");
        assertThat(sent.get("external_id")).isEqualTo("501");
        assertThat(((java.sql.Timestamp) sent.get("sent_at")).toInstant()).isEqualTo(at);
        assertThat(sent.get("attempts")).isEqualTo(1);
        assertThat(fixture.queued("sent")).as("a sent row leaves the queue").isEmpty();

        var retry = fixture.row("retry");
        assertThat(retry.get("status")).isEqualTo("pending");
        assertThat(retry.get("attempts")).isEqualTo(1);
        assertThat(retry.get("last_error")).isEqualTo("[502] Bad Gateway");
        assertThat(fixture.queued("retry").orElseThrow().get("lease_until")).isNull();
        assertThat(nextAttempt("retry")).isAfter(OffsetDateTime.now().plusMinutes(4));

        var release = fixture.row("release");
        assertThat(release.get("status")).isEqualTo("pending");
        assertThat(release.get("attempts")).isEqualTo(0); // not tried: no attempt counted
        assertThat(release.get("last_error")).isNull();
        assertThat(fixture.queued("release").orElseThrow().get("lease_until")).isNull();
        assertThat(nextAttempt("release")).isAfter(OffsetDateTime.now().plusMinutes(4));

        var dead = fixture.row("dead");
        assertThat(dead.get("status")).isEqualTo("dead");
        assertThat(dead.get("attempts")).isEqualTo(1);
        assertThat(dead.get("last_error")).isEqualTo("rejected: [400] Bad Request");
        assertThat(fixture.queued("dead")).as("a dead row leaves the queue").isEmpty();
        assertThat(fixture.events(OutboxEvent.DEAD_LETTER.type())).hasSize(1);
    }

    @Test
    void aLateOutcomeDoesNotTouchARowAnotherSenderHasClaimedSince() {
        fixture.enqueue("k1", 1, "a");
        fixture.enqueue("k2", 2, "b");
        var mine = store.claim(10, LEASE, List.of("telegram"), "me");
        expireLeases(); // this sender was cut off from the database for longer than its lease
        var theirs = store.claim(10, LEASE, List.of("telegram"), "other");
        assertThat(theirs).hasSize(2);

        store.write(
                List.of(
                        Outcome.retry(mine.get(0), Duration.ofSeconds(1), "timeout"),
                        Outcome.dead(mine.get(1), "gave up")),
                "me");

        for (String key : List.of("k1", "k2")) {
            var row = fixture.row(key);
            assertThat(row.get("status")).isEqualTo("pending");
            var queued = fixture.queued(key).orElseThrow();
            assertThat(queued.get("leased_by")).isEqualTo("other");
            assertThat(queued.get("lease_until")).isNotNull(); // the other sender's lease stands
            assertThat(row.get("attempts")).isEqualTo(0);
        }
        assertThat(fixture.events(OutboxEvent.DEAD_LETTER.type())).isEmpty();
    }

    @Test
    void aDeliveryIsRecordedEvenWhenAnotherSenderHasClaimedTheRowSince() {
        fixture.enqueue("k1", 1, "a");
        var mine = store.claim(10, LEASE, List.of("telegram"), "me");
        expireLeases();
        store.claim(10, LEASE, List.of("telegram"), "other");

        store.write(List.of(Outcome.sent(mine.get(0), "77", Instant.now())), "me");

        // Sent is the truth whoever holds the lease: the row must not go out a third time.
        assertThat(fixture.status("k1")).isEqualTo("sent");
        assertThat(fixture.row("k1").get("external_id")).isEqualTo("77");
    }

    @Test
    void aClaimTakesAPowerOfTwoRowsSoTheDatabaseKeepsAFewPlansInsteadOfPlanningEachClaim() {
        assertThat(OutboxStore.claimSize(0)).isEqualTo(1);
        assertThat(OutboxStore.claimSize(1)).isEqualTo(1);
        assertThat(OutboxStore.claimSize(30)).isEqualTo(16);
        assertThat(OutboxStore.claimSize(32)).isEqualTo(32);
        assertThat(OutboxStore.claimSize(100_000)).isEqualTo(OutboxStore.MAX_CLAIM);
        for (int i = 1; i <= 5; i++) {
            fixture.enqueue("k" + i, i, "text " + i);
        }

        assertThat(store.claim(5, LEASE, List.of("telegram"), "me")).hasSize(4);
        assertThat(store.claim(5, LEASE, List.of("telegram"), "me")).hasSize(1);
    }

    private void expireLeases() {
        fixture.database
                .jdbi()
                .useHandle(
                        handle -> handle.execute(
                                "UPDATE outbox_queue SET lease_until = now() - interval '1 second' WHERE lease_until IS NOT NULL"));
    }

    private OffsetDateTime nextAttempt(String key) {
        return fixture.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("""
                                SELECT q.next_attempt_at FROM outbox_queue q JOIN outbox o ON o.id = q.id
                                WHERE o.dedup_key = :key""")
                        .bind("key", key)
                        .mapTo(OffsetDateTime.class)
                        .one())
                .truncatedTo(ChronoUnit.MILLIS);
    }
}
