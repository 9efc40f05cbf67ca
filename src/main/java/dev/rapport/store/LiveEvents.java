package dev.rapport.store;

import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Tells every Rapport instance that something a browser may be watching has changed — a reply for
 * a web chat, a new handoff for the console — through PostgreSQL's {@code NOTIFY} on channel
 * {@value #CHANNEL}. Called inside the transaction that makes the change: PostgreSQL delivers the
 * notice only if and when that transaction commits, so a listener never sees a change that was
 * rolled back, and never sees it before it can be read.
 *
 * <p>A notice is small (PostgreSQL caps it at 8,000 bytes): a topic such as {@code webchat:SESSION}
 * or {@code console} and a few ids; listeners read the rows themselves. Delivery is at-most-once
 * per listening connection, so pages also re-read what they show when they (re)connect.
 * Stateless; thread-safe.
 */
public final class LiveEvents {

    /** The PostgreSQL notification channel every instance listens on. */
    public static final String CHANNEL = "rapport_live";

    private LiveEvents() {}

    /**
     * Queues a notice on the caller's transaction.
     *
     * @param topic who is interested: {@code webchat:<chat>}, {@code console}, {@code handoff:<id>}
     * @param data  a few small fields (ids, a kind); never message text or personal data
     */
    public static void publish(Handle handle, String topic, Map<String, ?> data) {
        String payload = Json.write(Map.of("topic", topic, "data", data));
        handle.createQuery("SELECT true FROM (SELECT pg_notify(:channel, :payload)) AS notified")
                .bind("channel", CHANNEL)
                .bind("payload", payload)
                .mapTo(Boolean.class)
                .one();
    }
}
