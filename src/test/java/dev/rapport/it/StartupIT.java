package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server answers before the NLU models are there: a first start (empty model cache, so the
 * models are trained) is alive at once, unready until the models are trained and the workers run,
 * and an update posted meanwhile is stored, acknowledged and answered once it is ready; a restart then
 * loads the cached models instead of training them.
 */
class StartupIT {

    @Test
    void aFirstStartAnswersAtOnceAndAnswersAnUpdatePostedBeforeItWasReady(@TempDir Path dataDir) throws Exception {
        try (var rapport = RunningRapport.startUnready(Map.of("RAPPORT_DATA_DIR", dataDir.toString()))) {
            assertThat(rapport.get("/healthz").statusCode()).isEqualTo(200);
            var unready = rapport.get("/readyz");
            assertThat(unready.statusCode()).isEqualTo(503);
            assertThat(unready.body()).contains("NLU models");
            assertThat(unready.headers().firstValue("Retry-After")).isPresent();

            var posted = rapport.postUpdate(Updates.text(1, 41, "hello"));
            assertThat(posted.statusCode()).isEqualTo(200); // acknowledged: Telegram will not send it again
            assertThat(rapport.count(
                            "SELECT count(*) FROM inbound_updates WHERE chat_key = '41' AND status = 'pending'"))
                    .isEqualTo(1); // stored, waiting for the models
            assertThat(rapport.get("/readyz").statusCode()).isEqualTo(503); // training takes seconds, not ms

            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> rapport.get("/readyz").statusCode() == 200);
            assertThat(rapport.get("/readyz").body()).isEqualTo("ready");
            assertThat(dataDir.resolve("nlu/training.sha256")).exists(); // trained into the empty cache
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !rapport.telegram.sentTexts(41).isEmpty());
            assertThat(rapport.count(
                            "SELECT count(*) FROM inbound_updates WHERE chat_key = '41' AND status = 'processed'"))
                    .isEqualTo(1);

            // A restart finds the models cached: it loads them instead of training, and is ready.
            var trained = Files.getLastModifiedTime(dataDir.resolve("nlu/training.sha256"));
            rapport.restart(Map.of());
            assertThat(rapport.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(rapport.get("/readyz").statusCode()).isEqualTo(200);
            assertThat(Files.getLastModifiedTime(dataDir.resolve("nlu/training.sha256")))
                    .isEqualTo(trained);
        }
    }
}
