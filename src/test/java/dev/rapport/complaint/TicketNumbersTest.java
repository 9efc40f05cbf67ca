package dev.rapport.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ticket numbers: readable, dated in the business's zone, numbered per day, unique under concurrency. */
class TicketNumbersTest {

    @Test
    void aTicketNumberIsTheDateAndTheDaysSequence() {
        assertThat(TicketNumbers.format(LocalDate.of(2024, 1, 17), 42)).isEqualTo("C-240117-0042");
        assertThat(TicketNumbers.format(LocalDate.of(2024, 1, 17), 12345)).isEqualTo("C-240117-12345");
        assertThat(TicketNumbers.normalise(" c-240117-0042 ")).isEqualTo("C-240117-0042");
    }

    @Test
    void numbersTakenAtTheSameTimeAreUniqueAndConsecutive() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        try (Database database = TestDatabase.fresh()) {
            Set<String> tickets = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> done = IntStream.range(0, 40)
                        .mapToObj(i -> pool.submit(() ->
                                tickets.add(database.jdbi().inTransaction(handle -> TicketNumbers.next(handle, zone)))))
                        .toList();
                for (Future<Boolean> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdown();
            }
            String today = TicketNumbers.format(LocalDate.now(zone), 0).substring(0, 9);
            assertThat(tickets).hasSize(40).allMatch(ticket -> ticket.startsWith(today));
            assertThat(tickets.stream()
                            .map(ticket -> Integer.parseInt(ticket.substring(9)))
                            .sorted()
                            .toList())
                    .isEqualTo(IntStream.rangeClosed(1, 40).boxed().toList());
        }
    }

    @Test
    void theDateIsTheBusinesssDateAlsoForAFixedOffset() {
        ZoneId farEast = ZoneId.of("+14:00");
        try (Database database = TestDatabase.fresh()) {
            String ticket = database.jdbi().inTransaction(handle -> TicketNumbers.next(handle, farEast));
            assertThat(ticket).isEqualTo(TicketNumbers.format(LocalDate.now(farEast), 1));
        }
    }

    @Test
    void aRolledBackTransactionGivesItsNumberBack() {
        ZoneId zone = ZoneId.of("UTC");
        try (Database database = TestDatabase.fresh()) {
            String first = database.jdbi().inTransaction(handle -> TicketNumbers.next(handle, zone));
            database.jdbi().useTransaction(handle -> {
                TicketNumbers.next(handle, zone);
                handle.rollback();
            });
            String second = database.jdbi().inTransaction(handle -> TicketNumbers.next(handle, zone));
            assertThat(first).endsWith("-0001");
            assertThat(second).endsWith("-0002");
        }
    }
}
