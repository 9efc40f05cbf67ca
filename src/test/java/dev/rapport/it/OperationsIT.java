package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Health, readiness, metrics, and behaviour while the database is unreachable. */
class OperationsIT {

    @Test
    void healthReadinessAndMetricsAnswer() {
        try (var rapport = RunningRapport.start()) {
            assertThat(rapport.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(rapport.get("/readyz").statusCode()).isEqualTo(200);
            rapport.postUpdate(Updates.text(1, 31, "/start"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !rapport.telegram.sentTexts(31).isEmpty());
            String metrics = rapport.get("/metrics").body();
            assertThat(metrics)
                    .contains(
                            "rapport_updates_received_total 1.0",
                            "rapport_updates_processed_total",
                            "rapport_turn_seconds",
                            "rapport_outbox_sends_total");
        }
    }

    @Test
    void whileTheDatabaseIsUnreachableTheWebhookAnswers503AndStoresNothingHalfWritten() {
        try (var rapport = RunningRapport.start()) {
            String database = rapport.database
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT current_database()")
                            .mapTo(String.class)
                            .one());
            try (var admin = dev.rapport.store.Database.connect(dev.rapport.store.TestDatabase.adminUrl(), 1)) {
                admin.jdbi().useHandle(handle -> {
                    handle.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                    handle.execute(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", database);
                });
                var response = rapport.postUpdate(Updates.text(77, 32, "hello"));
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(rapport.get("/readyz").statusCode()).isEqualTo(503);
                assertThat(rapport.get("/healthz").statusCode()).isEqualTo(200);

                admin.jdbi()
                        .useHandle(handle -> handle.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true"));
            }
            // Telegram retries the same update; now it is stored once and answered.
            await().atMost(Duration.ofSeconds(15))
                    .until(() ->
                            rapport.postUpdate(Updates.text(77, 32, "hello")).statusCode() == 200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !rapport.telegram.sentTexts(32).isEmpty());
            assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE update_id = 77"))
                    .isEqualTo(1);
        }
    }
}
