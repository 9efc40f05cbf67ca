package dev.rapport.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A browser on the web chat over real HTTP: it opens the page (which gives it its session cookie),
 * posts with that cookie, and listens to the event stream. {@link #on} is the same browser sent to
 * another instance by a load balancer.
 */
final class WebchatBrowser {

    static final ObjectMapper JSON = dev.rapport.store.Json.mapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Event(String name, JsonNode data) {}

    final String baseUrl;
    final String cookie; // "rapport_chat=…"

    private WebchatBrowser(String baseUrl, String cookie) {
        this.baseUrl = baseUrl;
        this.cookie = cookie;
    }

    /** Opens {@code /chat} (or {@code /chat?…}) at {@code baseUrl} ("http://127.0.0.1:port") and keeps the cookie. */
    static WebchatBrowser open(String baseUrl, String page) {
        var response =
                send(HttpRequest.newBuilder(URI.create(baseUrl + page)).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("the page answered " + response.statusCode() + ": " + response.body());
        }
        String setCookie = response.headers()
                .firstValue("Set-Cookie")
                .orElseThrow(() -> new AssertionError("the page set no session cookie"));
        return new WebchatBrowser(baseUrl, setCookie.substring(0, setCookie.indexOf(';')));
    }

    static WebchatBrowser open(String baseUrl) {
        return open(baseUrl, "/chat");
    }

    static WebchatBrowser withCookie(String baseUrl, String cookie) {
        return new WebchatBrowser(baseUrl, cookie);
    }

    /** The same browser (same cookie) talking to another instance. */
    WebchatBrowser on(String otherBaseUrl) {
        return new WebchatBrowser(otherBaseUrl, cookie);
    }

    HttpResponse<String> post(String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/api/messages"))
                .header("Content-Type", "application/json")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Sends a file as the page's attach button does ({@code sameSite}: with the page's header). */
    HttpResponse<String> upload(byte[] bytes, String name, boolean sameSite) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/api/files?name="
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "&language=en"))
                .header("Content-Type", "application/octet-stream")
                .header("Cookie", cookie);
        if (sameSite) {
            request.header("X-Rapport-Chat", "1");
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    HttpResponse<String> say(String text) {
        var node = JSON.createObjectNode().put("text", text);
        return post(node.toString());
    }

    /** Opens the event stream; events arrive in the queue until the server ends the stream. */
    BlockingQueue<Event> listen() {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/api/events"))
                .header("Accept", "text/event-stream")
                .header("Cookie", cookie)
                .GET()
                .build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = null;
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        events.add(
                                new Event(name, JSON.readTree(line.substring(5).strip())));
                    }
                }
            } catch (Exception e) {
                // the stream ends when the test closes Rapport
            }
        });
        return events;
    }

    static Event next(BlockingQueue<Event> events, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && name.equals(event.name())) {
                return event;
            }
        }
        throw new AssertionError("no '" + name + "' event within 15 s");
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
