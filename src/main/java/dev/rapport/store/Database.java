package dev.rapport.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL database: a pooled {@link DataSource}, {@link Jdbi} on it, Flyway migrations,
 * and — when no server is configured — an embedded PostgreSQL whose data lives under the data
 * directory and survives restarts. Thread-safe; close once at shutdown.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private volatile boolean migrated; // set once every migration is seen applied; readiness then only pings

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new DomainColumns());
    }

    /**
     * The configured database: the server at {@code database_url}, or the embedded one under the data
     * directory (attaching to a running Rapport's), migrated. Closes it again if migrating fails.
     */
    public static Database openMigrated(dev.rapport.config.RapportConfig config, int poolSize) {
        Database database = config.embeddedDatabase()
                ? embedded(config.dataDir(), poolSize)
                : connect(config.databaseUrl(), poolSize);
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** Connects to the server at {@code url} ({@code postgres://} or {@code jdbc:postgresql:}). */
    public static Database connect(String url, int poolSize) {
        var address = DatabaseUrl.parse(url);
        log.info("Database: {}", address.redacted());
        return new Database(null, pool(address.jdbcUrl(), address.user(), address.password(), poolSize));
    }

    /**
     * Starts (or restarts) the embedded PostgreSQL under {@code dataDir}/postgres and connects to it.
     * When a running Rapport already serves that directory, connects to its server instead (and
     * leaves it running on close), so commands such as {@code complaints list} work beside {@code serve}.
     */
    public static Database embedded(Path dataDir, int poolSize) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath();
        var running = RunningEmbedded.port(directory);
        if (running.isPresent()) {
            log.info(
                    "Database: the embedded PostgreSQL already running on port {} for {}",
                    running.getAsInt(),
                    directory);
            String url = "jdbc:postgresql://localhost:" + running.getAsInt() + "/postgres";
            return new Database(null, pool(url, "postgres", null, poolSize));
        }
        try {
            Files.createDirectories(directory);
            log.info("Database: embedded PostgreSQL, data in {}", directory);
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Rapport stops PostgreSQL itself, last, after the turns in flight have committed.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // The embedded server's library defaults trade durability for test speed; Rapport's data
                    // must survive a crash, so a commit is on disk before an update is acknowledged.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // The inbox and outbox tables churn; look for vacuum work often (see V10__queue_upkeep.sql).
                    .setServerConfig("autovacuum_naptime", "5s")
                    .start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            return new Database(postgres, pool(url, "postgres", null, poolSize));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + directory
                            + " (is another Rapport using this data directory?)",
                    e);
        }
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize) {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("rapport");
        // Fail fast while the server is down, so intake can answer 503 instead of hanging.
        config.setConnectionTimeout(3_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /**
     * Applies the migrations in {@code db/migration}; safe to call on an up-to-date database. A login
     * the server refuses or a server that cannot be reached is said as such (a {@link
     * dev.rapport.config.ConfigException} naming what to check), not as a migration problem.
     */
    public void migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            migrated = true; // the first readiness check need not scan the migrations again
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw ConnectFailure.explain(e, dataSource.getJdbcUrl(), dataSource.getUsername())
                    .orElseThrow(() -> e);
        }
    }

    /** True when the database answers and every migration has been applied. */
    public boolean ready() {
        try {
            if (!migrated) {
                var info = Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .info();
                migrated = info.pending().length == 0 && info.current() != null;
                return migrated;
            }
            // Migrations never go backwards: once seen complete, reachability is all that is left to check.
            return jdbi.withHandle(handle ->
                            handle.createQuery("SELECT 1").mapTo(Integer.class).one())
                    == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * A new connection to the same database, outside the pool, for a caller that keeps it open for
     * long (the {@link LiveFeed}'s {@code LISTEN}); the caller closes it.
     */
    public java.sql.Connection openDedicatedConnection() throws java.sql.SQLException {
        var properties = new java.util.Properties();
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "rapport-live");
        return java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
