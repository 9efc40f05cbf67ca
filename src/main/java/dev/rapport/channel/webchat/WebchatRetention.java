package dev.rapport.channel.webchat;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code webchat_sessions} to the sessions a browser can still use for a chat. Deleted are:
 * sessions older than {@link #UNUSED} that never became a chat (no web chat account for the key and no
 * message of theirs waiting in the inbox: a visitor or crawler who opened the page and wrote nothing),
 * and every session older than the cookie's lifetime, {@link WebchatSessions#COOKIE_LIFETIME}, whose
 * browser has dropped the cookie. The chat itself (its account, messages, history) stays.
 *
 * <p>{@link #deleteExpired} is idempotent and finds what is due in the database, so it runs as a
 * recurring job on any instance at any interval. Thread-safe.
 */
public final class WebchatRetention {

    /** The recurring job's name, for {@code App#runJob}. */
    public static final String JOB = "webchat.session_retention";

    /** How often the job runs: hourly is plenty for limits of a day and a year. */
    public static final Duration EVERY = Duration.ofHours(1);

    /** How long a session that never became a chat is kept. */
    static final Duration UNUSED = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(WebchatRetention.class);

    private final Jdbi jdbi;

    public WebchatRetention(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Deletes the sessions due; returns how many. */
    public int deleteExpired() {
        int deleted = jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM webchat_sessions s
                        WHERE s.created_at < now() - make_interval(secs => :lifetime)
                           OR (s.created_at < now() - make_interval(secs => :unused)
                               AND NOT EXISTS (SELECT 1 FROM channel_accounts a
                                               WHERE a.channel = 'webchat' AND a.chat_key = s.chat_key)
                               AND NOT EXISTS (SELECT 1 FROM inbox_queue q
                                               WHERE q.channel = 'webchat' AND q.chat_key = s.chat_key))""")
                .bind("lifetime", WebchatSessions.COOKIE_LIFETIME.toSeconds())
                .bind("unused", UNUSED.toSeconds())
                .execute());
        if (deleted > 0) {
            log.info("Deleted {} web chat sessions: unused for a day, or older than the cookie's year", deleted);
        }
        return deleted;
    }
}
