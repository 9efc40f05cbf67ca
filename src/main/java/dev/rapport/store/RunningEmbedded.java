package dev.rapport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;

/**
 * Finds the embedded PostgreSQL another Rapport process is running on a data directory: PostgreSQL
 * writes its port on the fourth line of {@code postmaster.pid}; a server that answers there is live.
 * A stale file (a crash) answers nothing and is ignored. Stateless; thread-safe.
 */
final class RunningEmbedded {

    private RunningEmbedded() {}

    static OptionalInt port(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return OptionalInt.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return OptionalInt.empty();
            }
            int port = Integer.parseInt(lines.get(3).strip());
            var properties = new java.util.Properties();
            properties.setProperty("user", "postgres");
            properties.setProperty("connectTimeout", "2");
            try (var connection =
                    DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties)) {
                return connection.isValid(2) ? OptionalInt.of(port) : OptionalInt.empty();
            }
        } catch (IOException | NumberFormatException | SQLException e) {
            return OptionalInt.empty();
        }
    }
}
