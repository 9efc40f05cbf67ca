package dev.rapport.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells an error caused by an unreachable database (no connection from the pool, a connection
 * lost, the server shutting down) from any other failure: the first is answered 503, so the caller
 * tries again, the second 500. Stateless.
 */
final class DatabaseDown {

    private DatabaseDown() {}

    static boolean is(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.jdbi.v3.core.ConnectionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") // connection exception
                            || sql.getSQLState()
                                    .startsWith("57P"))) { // admin shutdown, crash shutdown, cannot connect now
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
