package dev.rapport.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The yardstick: the least a webhook endpoint can do and still keep what it acknowledged — one
 * autocommit {@code INSERT} per request through a HikariCP pool, then 200. No secret check, no
 * parsing, no queue. Requests run on Jetty's threads; thread-safe.
 */
final class BaselineServer implements AutoCloseable {

    static final String PATH = "/hook";

    private final HikariDataSource pool;
    private final Javalin javalin;

    BaselineServer(String jdbcUrl, int poolSize) {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("baseline");
        this.pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection()) {
            connection
                    .createStatement()
                    .execute(
                            "CREATE TABLE IF NOT EXISTS baseline_updates (id bigserial PRIMARY KEY, body jsonb NOT NULL)");
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("Could not create baseline_updates", e);
        }
        this.javalin = Javalin.create(javalinConfig -> {
            javalinConfig.startup.showJavalinBanner = false;
            javalinConfig.jetty.port = 0;
            javalinConfig.routes.post(PATH, ctx -> {
                try (Connection connection = pool.getConnection();
                        PreparedStatement insert =
                                connection.prepareStatement("INSERT INTO baseline_updates(body) VALUES (?::jsonb)")) {
                    insert.setString(1, ctx.body());
                    insert.executeUpdate();
                }
                ctx.status(200);
            });
        });
    }

    BaselineServer start() {
        javalin.start();
        return this;
    }

    int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
        pool.close();
    }
}
