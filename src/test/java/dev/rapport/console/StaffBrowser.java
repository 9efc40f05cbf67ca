package dev.rapport.console;

import dev.rapport.it.RunningRapport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member's browser over plain HTTP: its own cookies, no redirects followed, forms posted as
 * a browser posts them. For the console's security tests.
 */
final class StaffBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final RunningRapport rapport;
    private final HttpClient http;
    String csrf;

    StaffBrowser(RunningRapport rapport) {
        this.rapport = rapport;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs in; returns the sign-in answer (303 on success). */
    HttpResponse<String> signIn(String name, String password) {
        String form = get("/console/login").body();
        String token = token(form);
        var answer = post("/console/login", Map.of("_csrf", token, "name", name, "password", password));
        if (answer.statusCode() == 303) {
            csrf = token(get("/console").body());
        }
        return answer;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(rapport.url(path))).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of());
    }

    HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(rapport.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /** Posts with the session's token added. */
    HttpResponse<String> submit(String path, Map<String, String> fields) {
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return post(path, all);
    }

    static String token(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF field in: " + html);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
