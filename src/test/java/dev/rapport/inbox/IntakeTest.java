package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The intake's caller-led group commit, against a real PostgreSQL. */
class IntakeTest {

    private static NewUpdate update(long id) {
        return NewUpdate.pending("telegram", id, "chat" + (id % 50), "message", "{\"update_id\":" + id + "}");
    }

    /**
     * 32 threads store 1,600 updates through two write slots, each update twice: each is stored once
     * and reported STORED exactly once, the rest DUPLICATE, and updates share transactions.
     */
    @Test
    void concurrentCallersStoreEachUpdateOnceAndShareCommits() throws Exception {
        try (Database database = TestDatabase.fresh()) {
            var woken = new AtomicInteger();
            var intake = new Intake(database.jdbi(), 2, woken::incrementAndGet);
            var outcomes = new ConcurrentHashMap<Long, List<Intake.Outcome>>();
            var pool = Executors.newFixedThreadPool(32);
            var start = new CountDownLatch(1);
            var tasks = new ArrayList<Future<?>>();
            for (int thread = 0; thread < 32; thread++) {
                int first = thread * 25;
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int copy = 0; copy < 2; copy++) {
                        for (long id = first; id < first + 25; id++) {
                            // the second copy of an update comes from another thread
                            long stored = copy == 0 ? id : (id + 25) % 800;
                            var outcome = intake.store(update(stored), Duration.ofSeconds(10));
                            outcomes.computeIfAbsent(
                                            stored, key -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                    .add(outcome);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var task : tasks) {
                task.get();
            }
            pool.shutdown();
            intake.close();

            assertThat(outcomes).hasSize(800);
            outcomes.forEach((id, seen) -> assertThat(seen)
                    .as("update %d", id)
                    .containsExactlyInAnyOrder(Intake.Outcome.STORED, Intake.Outcome.DUPLICATE));
            long rows = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT count(*) FROM inbound_updates")
                            .mapTo(Long.class)
                            .one());
            long transactions = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT count(DISTINCT xmin::text) FROM inbound_updates")
                            .mapTo(Long.class)
                            .one());
            assertThat(rows).isEqualTo(800);
            assertThat(transactions).isLessThan(rows);
            assertThat(woken.get()).isPositive();
        }
    }

    /**
     * While the database holds the one write slot's batch, a second caller gives up after its wait
     * and its update is not stored later behind its back; the first is stored once the database
     * lets go.
     */
    @Test
    void aCallerThatCannotWriteInTimeIsToldAndItsUpdateIsNotStoredLater() throws Exception {
        try (Database database = TestDatabase.fresh();
                var blocker = database.jdbi().open()) {
            var intake = new Intake(database.jdbi(), 1, () -> {});
            blocker.begin();
            blocker.execute("LOCK TABLE inbound_updates IN EXCLUSIVE MODE");
            var pool = Executors.newSingleThreadExecutor();
            Future<Intake.Outcome> first = pool.submit(() -> intake.store(update(1), Duration.ofSeconds(30)));
            waitForInsertToBlock(database);

            assertThatThrownBy(() -> intake.store(update(2), Duration.ofMillis(300)))
                    .isInstanceOf(Intake.Unavailable.class)
                    .hasMessageContaining("longer than");
            blocker.rollback();
            assertThat(first.get()).isEqualTo(Intake.Outcome.STORED);
            assertThat(intake.store(update(3), Duration.ofSeconds(10))).isEqualTo(Intake.Outcome.STORED);
            pool.shutdown();
            intake.close();

            List<Long> stored = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT update_id FROM inbound_updates ORDER BY update_id")
                            .mapTo(Long.class)
                            .list());
            assertThat(stored).containsExactly(1L, 3L);
        }
    }

    /** Until a session waits for a lock on inbound_updates (the first caller's INSERT). */
    private static void waitForInsertToBlock(Database database) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            boolean waiting = database.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT count(*) > 0 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO inbound_updates%'")
                            .mapTo(Boolean.class)
                            .one());
            if (waiting) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the first caller's INSERT never waited for the lock");
    }
}
