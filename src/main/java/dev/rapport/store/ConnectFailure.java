package dev.rapport.store;

import dev.rapport.config.ConfigException;
import dev.rapport.config.DatabaseUrl;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads why a first connection failed from PostgreSQL's SQLSTATE somewhere in the cause chain: class
 * 28 (the login was refused: wrong password, unknown user) or class 08 and 3D (the server cannot be
 * reached, the database does not exist). Anything else is not a connection problem. Stateless.
 */
final class ConnectFailure {

    private ConnectFailure() {}

    static Optional<ConfigException> explain(Throwable error, String jdbcUrl, String user) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
                continue;
            }
            String state = sql.getSQLState();
            String where = DatabaseUrl.redact(jdbcUrl) + (user == null ? "" : " as user '" + user + "'");
            if (state.startsWith("28")) {
                return Optional.of(new ConfigException("the database refused the login (authentication failed) at "
                        + where + ": " + sql.getMessage() + ". Check the user and password in DATABASE_URL."));
            }
            if (state.startsWith("08") || state.equals("3D000")) {
                return Optional.of(new ConfigException("cannot connect to the database at " + where + ": "
                        + sql.getMessage() + ". Check the host, port and database name in DATABASE_URL and "
                        + "that the server is running."));
            }
        }
        return Optional.empty();
    }
}
