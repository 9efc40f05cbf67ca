package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Browsers that open the event stream and go away without a word (a closed tab, a dropped network)
 * are found by the heartbeat and released: their connections and file descriptors are freed.
 */
class WebchatStreamsIT {

    private static final int CYCLES = 200;
    private static final Pattern OPEN_STREAMS =
            Pattern.compile("rapport_live_streams_open\\{stream=\"webchat\"\\} (\\d+)");

    @Test
    void streamsOpenedAndClosedByTheHundredsGiveTheirFileDescriptorsBack() throws Exception {
        // Caps high enough that they do not hide a leak; a short heartbeat to find closed browsers fast.
        try (var rapport = RunningRapport.start(Map.of(
                "RAPPORT_WEBCHAT_STREAM_HEARTBEAT_SECONDS",
                "1",
                "RAPPORT_WEBCHAT_SESSION_STREAMS",
                "10000",
                "RAPPORT_WEBCHAT_ADDRESS_STREAMS",
                "10000"))) {
            var browser = WebchatBrowser.open(rapport.url(""));
            int port = Integer.parseInt(rapport.url("").replaceAll(".*:", ""));
            for (int i = 0; i < 20; i++) { // warm up pools and threads before the baseline
                openAndDrop(port, browser.cookie);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> openStreams(rapport) == 0);
            long baseline = openFileDescriptors();

            for (int i = 0; i < CYCLES; i++) {
                openAndDrop(port, browser.cookie);
            }

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        assertThat(openStreams(rapport)).isZero();
                        assertThat(openFileDescriptors()).isLessThanOrEqualTo(baseline + 10);
                    });
            assertThat(rapport.get("/healthz").statusCode()).isEqualTo(200);
            var events = browser.listen();
            WebchatBrowser.next(events, "history");
        }
    }

    /** Opens the stream like a browser, reads its first event, and closes the socket without a word. */
    private static void openAndDrop(int port, String cookie) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /chat/api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Accept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = reader.readLine();
            assertThat(status).contains(" 200 ");
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    return;
                }
            }
            throw new AssertionError("the stream ended before its history");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long openStreams(RunningRapport rapport) {
        Matcher matcher = OPEN_STREAMS.matcher(rapport.get("/metrics").body());
        assertThat(matcher.find()).as("the open-streams gauge").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** This JVM's open file descriptors: the server's sockets among them (the test's own are closed). */
    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }
}
