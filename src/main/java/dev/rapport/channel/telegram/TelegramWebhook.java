package dev.rapport.channel.telegram;

import dev.rapport.inbox.Intake;
import dev.rapport.inbox.NewUpdate;
import dev.rapport.inbox.UpdateStatus;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /telegram/webhook}: the edge where Telegram hands Rapport an update.
 *
 * <p>Contract: 401 and nothing stored unless the secret header matches (compared in constant
 * time); 413 for a body over the limit; otherwise the update is committed to the inbox
 * <em>before</em> the 200 — also when it is malformed or of a type Rapport ignores, so Telegram
 * never retries it forever; 503 while the database cannot take it, so Telegram retries later.
 * Runs on Jetty's request threads; thread-safe.
 */
public final class TelegramWebhook implements Handler {

    public static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);
    /** How long a request waits for its update to be stored before it answers 503 (Telegram retries). */
    private static final java.time.Duration STORE_WAIT = java.time.Duration.ofSeconds(10);

    private final String staffGroupId;
    private final byte[] secretDigest;
    private final int maxBodyBytes;
    private final Intake intake;
    private final Counter received;
    private final Counter unauthorised;
    private final Counter rejected;
    private final Counter duplicates;

    public TelegramWebhook(String secret, int maxBodyBytes, Intake intake, MeterRegistry metrics) {
        this(secret, maxBodyBytes, intake, metrics, "");
    }

    /** @param staffGroupId the staff group's chat id, whose updates go to the staff group; empty for none */
    public TelegramWebhook(String secret, int maxBodyBytes, Intake intake, MeterRegistry metrics, String staffGroupId) {
        this.staffGroupId = staffGroupId;
        this.secretDigest = digest(secret);
        this.maxBodyBytes = maxBodyBytes;
        this.intake = intake;
        this.received = counter(metrics, "rapport_updates_received_total", "Updates stored by the webhook");
        this.unauthorised = Counter.builder("rapport_updates_rejected_total")
                .tag("reason", "secret")
                .description("Webhook requests refused before storing")
                .register(metrics);
        this.rejected = Counter.builder("rapport_updates_rejected_total")
                .tag("reason", "unreadable")
                .description("Webhook requests refused before storing")
                .register(metrics);
        this.duplicates = counter(metrics, "rapport_updates_duplicate_total", "Updates delivered again and ignored");
    }

    private static Counter counter(MeterRegistry metrics, String name, String description) {
        return Counter.builder(name).description(description).register(metrics);
    }

    @Override
    public void handle(Context ctx) throws Exception {
        if (!secretMatches(ctx.header(SECRET_HEADER))) {
            unauthorised.increment();
            ctx.status(HttpStatus.UNAUTHORIZED).result("wrong or missing " + SECRET_HEADER);
            return;
        }
        byte[] body = readLimited(ctx);
        if (body == null) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).result("body over " + maxBodyBytes + " bytes");
            return;
        }
        NewUpdate update = UpdateClassifier.classify(body, staffGroupId);
        if (update.status() == UpdateStatus.REJECTED) {
            rejected.increment();
            log.info("Stored an unreadable Telegram update: {}", update.reason());
        }
        try {
            Intake.Outcome outcome = intake.store(update, STORE_WAIT);
            (outcome == Intake.Outcome.DUPLICATE ? duplicates : received).increment();
            ctx.status(HttpStatus.OK);
        } catch (Intake.Unavailable e) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5")
                    .result("cannot store updates right now; retry later");
        }
    }

    /** Compares digests, so the time taken depends neither on the secret's content nor on its length. */
    private boolean secretMatches(String given) {
        return given != null && MessageDigest.isEqual(digest(given), secretDigest);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The body, or null when it is longer than the limit. Never reads more than limit + 1 bytes. */
    private byte[] readLimited(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            return null;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }
}
