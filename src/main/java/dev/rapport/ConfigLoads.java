package dev.rapport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.config.RapportConfig;
import dev.rapport.flow.Conversations;
import dev.rapport.store.Json;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/** Records each start's configuration (secrets redacted) and the flows it loaded in {@code config_loads}. */
final class ConfigLoads {

    private static final ObjectMapper JSON = Json.mapper();

    private ConfigLoads() {}

    static void record(Jdbi jdbi, RapportConfig config, Conversations conversations) {
        try {
            String settings = JSON.writeValueAsString(config.redacted());
            String flows =
                    JSON.writeValueAsString(new TreeSet<>(conversations.flows().keySet()));
            jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO config_loads (host, settings, flows)
                            VALUES (:host, CAST(:settings AS jsonb), CAST(:flows AS jsonb))""")
                    .bind("host", host())
                    .bind("settings", settings)
                    .bind("flows", flows)
                    .execute());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Configuration is not serialisable", e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
