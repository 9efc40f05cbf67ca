package dev.rapport.dashboard;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A staff member's browser over plain HTTP: its own cookies, no redirects followed. For the dashboard's tests. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final RunningRapport rapport;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Browser(RunningRapport rapport) {
        this.rapport = rapport;
    }

    Browser signIn(String name, String password) {
        Matcher matcher = CSRF.matcher(get("/console/login").body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF field on the sign-in page");
        }
        String form = "_csrf=" + enc(matcher.group(1)) + "&name=" + enc(name) + "&password=" + enc(password);
        var answer = send(HttpRequest.newBuilder(URI.create(rapport.url("/console/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (answer.statusCode() != 303) {
            throw new AssertionError("Sign-in of " + name + " answered " + answer.statusCode());
        }
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(rapport.url(path))).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
