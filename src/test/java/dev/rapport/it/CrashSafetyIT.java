package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A turn that fails half-way leaves nothing behind and is retried; a stop with work pending loses nothing. */
class CrashSafetyIT {

    @Test
    void aTurnThatFailsHalfWayLeavesNoPartialStateAndIsRetriedOnce() {
        // One worker, so the tries follow one path: the optimistic batch fails, its careful rerun fails and
        // records the attempt, the retry succeeds. (With more, another worker may take the chat between them.)
        try (var rapport = RunningRapport.start(Map.of("RAPPORT_INBOX_WORKERS", "1"))) {
            // The database refuses the first attempt to save this chat's conversation: by then the turn has
            // written its inbound message, events and customer, which must all roll back.
            rapport.database.jdbi().useHandle(handle -> handle.execute("""
                    CREATE SEQUENCE attempts_seen;
                    CREATE FUNCTION fail_once() RETURNS trigger AS $$
                    BEGIN
                        -- nextval is not rolled back with the failing transaction, so only the first two tries
                        -- fail: the optimistic batch, and its careful rerun (which records the attempt).
                        IF NEW.chat_key = '4242' AND nextval('attempts_seen') <= 2 THEN
                            RAISE EXCEPTION 'disk on fire';
                        END IF;
                        RETURN NEW;
                    END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER fail_once BEFORE INSERT ON conversations FOR EACH ROW EXECUTE FUNCTION fail_once();
                    """));

            rapport.postUpdate(Updates.text(1, 4242, "/start"));
            rapport.postUpdate(Updates.text(2, 4343, "/start")); // likely the same batch: must not suffer

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> rapport.count("SELECT count(*) FROM inbound_updates WHERE status = 'processed'") == 2);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> rapport.telegram.sentTexts(4343).size() == 1);
            // Tried three times: the two failures, then the success; the careful rerun recorded one failed attempt.
            assertThat(rapport.count("SELECT last_value FROM attempts_seen")).isEqualTo(3);
            assertThat(rapport.count("SELECT attempts FROM inbound_updates WHERE update_id = 1"))
                    .isEqualTo(1);
            assertThat(rapport.count("SELECT count(*) FROM messages WHERE direction = 'in'"))
                    .isEqualTo(2);
            assertThat(rapport.count("SELECT count(*) FROM customers")).isEqualTo(2);
            assertThat(rapport.count("SELECT count(*) FROM events WHERE type = 'flow.started'"))
                    .isEqualTo(2);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> rapport.telegram.sentTexts(4242).size() == 1);
            assertThat(rapport.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(rapport.telegram.sentTexts(4242)).hasSize(1);
        }
    }

    @Test
    void updatesPendingAtStopAreAllProcessedAfterRestartNoneTwice() {
        // A long reorder window keeps every update pending until Rapport stops.
        try (var rapport = RunningRapport.start(Map.of("RAPPORT_INBOX_SETTLE_MILLIS", "10000"))) {
            for (long chat = 1; chat <= 10; chat++) {
                for (long n = 0; n < 3; n++) {
                    assertThat(rapport.postUpdate(Updates.text(chat * 100 + n, 9000 + chat, "/help"))
                                    .statusCode())
                            .isEqualTo(200);
                }
            }
            rapport.stop();
            assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE status = 'pending'"))
                    .isEqualTo(30);
            assertThat(rapport.telegram.calls("sendMessage")).isEmpty();

            rapport.restart(Map.of("RAPPORT_INBOX_SETTLE_MILLIS", "0"));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> rapport.telegram.calls("sendMessage").size() == 30);
            assertThat(rapport.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(rapport.telegram.calls("sendMessage")).hasSize(30);
            for (long chat = 1; chat <= 10; chat++) {
                assertThat(rapport.telegram.sentTexts(9000 + chat)).hasSize(3);
            }
            assertThat(rapport.count("SELECT count(*) FROM outbox WHERE status = 'sent'"))
                    .isEqualTo(30);
        }
    }
}
