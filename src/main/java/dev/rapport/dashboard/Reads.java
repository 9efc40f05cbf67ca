package dev.rapport.dashboard;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * How the dashboard reads: in a read-only transaction planned for the values it binds. The driver
 * turns a statement run five times into a server-side prepared one, and PostgreSQL may then keep a
 * generic plan that knows no period: a month's answers export, planned for "any period", walked
 * every answer of the type newest first (5.9 s instead of 0.5 s). Planning each dashboard query
 * afresh costs a millisecond or two. Stateless; thread-safe.
 */
final class Reads {

    private Reads() {}

    /** Runs {@code read} in a read-only transaction whose statements are planned with their values. */
    static <T> T of(Jdbi jdbi, HandleCallback<T, RuntimeException> read) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            return read.withHandle(planned(handle));
        });
    }

    /** Within the caller's transaction (after any {@code SET TRANSACTION}): plan each statement with its values. */
    static Handle planned(Handle handle) {
        handle.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        return handle;
    }
}
