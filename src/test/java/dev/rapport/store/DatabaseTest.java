package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void aFreshTestDatabaseIsMigratedAndEmpty() {
        try (var database = TestDatabase.fresh()) {
            assertThat(database.ready()).isTrue();
            int updates = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT count(*) FROM inbound_updates")
                            .mapTo(Integer.class)
                            .one());
            assertThat(updates).isZero();
        }
    }

    @Test
    void anUnmigratedDatabaseIsNotReadyUntilMigrated() {
        try (var database = Database.connect(TestDatabase.freshUnmigratedUrl(), 2)) {
            assertThat(database.ready()).isFalse();
            database.migrate();
            assertThat(database.ready()).isTrue();
        }
    }
}
