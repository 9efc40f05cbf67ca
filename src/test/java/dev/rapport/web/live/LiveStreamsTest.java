package dev.rapport.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream rules over real HTTP: caps with Retry-After, a closed browser found and released, the lifetime. */
class LiveStreamsTest {

    private SimpleMeterRegistry metrics;
    private LiveStreams streams;
    private Javalin server;

    @BeforeEach
    void start() {
        start(Duration.ofSeconds(60));
    }

    private void start(Duration lifetime) {
        metrics = new SimpleMeterRegistry();
        streams = new LiveStreams("test", new LiveStreams.Limits(3, Duration.ofMillis(200), lifetime), metrics);
        server = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.jetty.port = 0;
                    config.routes.get(
                            "/events",
                            ctx -> streams.open(
                                    ctx,
                                    List.of(new LiveStreams.Share(
                                            "client:" + ctx.queryParam("client"), 2, "client_streams")),
                                    stream -> stream.send("hello", Map.of("n", 1))));
                    config.routes.exception(
                            LimitExceeded.class,
                            (limit, ctx) -> ctx.status(limit.status())
                                    .header("Retry-After", Long.toString(limit.retryAfterSeconds()))
                                    .result(limit.limit()));
                })
                .start();
    }

    @AfterEach
    void stop() {
        streams.close();
        server.stop();
    }

    @Test
    void capsAnswer429Or503WithRetryAfterAndClosedBrowsersAreReleased() throws IOException {
        List<Socket> browsers = new ArrayList<>();
        browsers.add(openStream("a"));
        browsers.add(openStream("a"));
        assertThat(statusLine(open("a"))).contains("429");
        browsers.add(openStream("b"));
        Socket full = open("c");
        String refused = statusLine(full);
        assertThat(refused).contains("503");
        assertThat(streams.openCount()).isEqualTo(3);

        for (Socket browser : browsers) {
            browser.close(); // tabs closed without a word to the server
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openCount() == 0);
        assertThat(metrics.get("rapport.live.streams.open").gauge().value()).isZero();
        openStream("a").close();
    }

    @Test
    void aStreamEndsAfterItsLifetimeSoTheBrowserReconnects() throws IOException {
        stop();
        start(Duration.ofSeconds(3));
        try (Socket browser = openStream("a")) {
            var reader = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
            long started = System.nanoTime();
            boolean heartbeat = false;
            for (String line; (line = reader.readLine()) != null; ) {
                heartbeat |= line.startsWith(":");
            }
            assertThat(heartbeat).as("a comment line was sent").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(Duration.ofMillis(2000), Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(2)).until(() -> streams.openCount() == 0);
        }
    }

    private Socket openStream(String client) throws IOException {
        Socket socket = open(client);
        var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).contains("200");
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.startsWith("data:")) {
                return socket;
            }
        }
        throw new AssertionError("the stream ended before its first event");
    }

    private Socket open(String client) throws IOException {
        var socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /events?client=" + client + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        try (socket) {
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = reader.readLine();
            for (String line; (line = reader.readLine()) != null && !line.isEmpty(); ) {
                if (line.toLowerCase().startsWith("retry-after:")) {
                    return status + " " + line;
                }
            }
            throw new AssertionError("no Retry-After header with " + status);
        }
    }
}
