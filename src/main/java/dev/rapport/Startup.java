package dev.rapport;

import dev.rapport.engine.Interpreter;
import dev.rapport.engine.NluInterpreter;
import dev.rapport.nlu.Nlu;
import dev.rapport.store.Database;
import dev.rapport.web.Readiness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a start that happens after the server already answers: the NLU models are loaded from
 * their cache (or trained, on a first start or after the examples changed) on a background thread,
 * and the inbox workers start once they are there. Until then {@code /readyz} says what is missing.
 *
 * <p>Nothing is lost meanwhile: the webhook and the web chat store every update and answer 200 as
 * always (the database is open and migrated before the server starts); the updates wait, pending,
 * in the inbox and are processed in order once the workers start. The outbox sender and the
 * scheduler run from the start, so replies queued before a restart go out at once.
 *
 * <p>Thread-safe. {@link #begin} once; {@link #close} may race the background thread, which then
 * starts no workers.
 */
final class Startup implements Readiness {

    private static final Logger log = LoggerFactory.getLogger(Startup.class);

    private final Database database;
    private final CompletableFuture<Nlu> loading;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile long answeringSince;
    private volatile String waitingFor = "NLU models loading (or training, on a first start)";
    private boolean closed; // guarded by this

    /** @param loading the models, from {@link #loadModels} */
    Startup(Database database, CompletableFuture<Nlu> loading) {
        this.database = database;
        this.loading = loading;
    }

    /**
     * Reads with the NLU models, waiting for them when they are still loading. Only turns run in-process
     * before the workers start (tests, the dialogue test command) ever wait: the workers start after the
     * models are there.
     */
    Interpreter interpreter() {
        CompletableFuture<Interpreter> reading = loading.thenApply(NluInterpreter::new);
        return (text, customer, languageCode) -> reading.join().read(text, customer, languageCode);
    }

    /**
     * Starts loading the models on a thread of its own, at once: a start runs it alongside opening the
     * database and building the flows, which take about as long.
     */
    static CompletableFuture<Nlu> loadModels(Path nluDir, Path cacheDir) {
        CompletableFuture<Nlu> loading = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        loading.complete(Nlu.load(nluDir, cacheDir));
                    } catch (RuntimeException | Error e) {
                        loading.completeExceptionally(e);
                    }
                },
                "nlu-startup");
        thread.setDaemon(true);
        thread.start();
        return loading;
    }

    /**
     * Once the models are there, runs {@code startWorkers} (unless closed first) on the loading thread.
     * A failure (a malformed training file) leaves the instance unready with the reason on {@code /readyz}
     * and fails {@link #ready()}, so {@code serve} can stop with the message.
     */
    void begin(Runnable startWorkers) {
        answeringSince = System.nanoTime();
        loading.whenComplete((nlu, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                waitingFor = "could not load the NLU models: " + cause.getMessage();
                log.error("Rapport cannot become ready: {}", waitingFor, cause);
                ready.completeExceptionally(cause);
                return;
            }
            try {
                waitingFor = "inbox workers starting";
                synchronized (this) {
                    if (closed) {
                        ready.completeExceptionally(new IllegalStateException("stopped before it was ready"));
                        return;
                    }
                    startWorkers.run();
                }
                waitingFor = null;
                log.info(
                        "Rapport is ready: {} ms after the server started answering",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answeringSince));
                ready.complete(null);
            } catch (RuntimeException | Error e) {
                waitingFor = "could not start the inbox workers: " + e.getMessage();
                log.error("Rapport cannot become ready: {}", waitingFor, e);
                ready.completeExceptionally(e);
            }
        });
    }

    /** Completes when the instance is ready; fails when it never will be. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Waits for readiness; false when {@code timeout} passed first; throws the load failure. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e.getCause());
        }
    }

    /** Stops a start still under way from starting the workers; they are then never started. */
    synchronized void close() {
        closed = true;
    }

    @Override
    public Optional<String> notReadyBecause() {
        String missing = waitingFor;
        if (missing != null) {
            return Optional.of(missing);
        }
        return database.ready() ? Optional.empty() : Optional.of("database unreachable or not migrated");
    }
}
