package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web chat's limits: each answers 429 (or 503) with Retry-After and a JSON error naming it. */
class WebchatLimitsIT {

    @Test
    void postsAreLimitedPerSessionAndPerAddress() throws Exception {
        try (var rapport = RunningRapport.start(Map.of(
                "RAPPORT_WEBCHAT_SESSION_MESSAGES_BURST",
                "3",
                "RAPPORT_WEBCHAT_SESSION_MESSAGES_PER_MINUTE",
                "1",
                "RAPPORT_WEBCHAT_ADDRESS_MESSAGES_BURST",
                "5",
                "RAPPORT_WEBCHAT_ADDRESS_MESSAGES_PER_MINUTE",
                "1"))) {
            var first = WebchatBrowser.open(rapport.url(""));
            for (int i = 0; i < 3; i++) {
                assertThat(first.say("hello " + i).statusCode()).isEqualTo(202);
            }
            assertLimited(first.say("one too many"), 429, "session_messages");

            // Another chat from the same address still has its own session budget, but not the address's.
            var second = WebchatBrowser.open(rapport.url(""));
            assertThat(second.say("hi").statusCode()).isEqualTo(202);
            assertLimited(second.say("hi again"), 429, "address_messages");
            assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE channel = 'webchat'"))
                    .isEqualTo(4);
        }
    }

    @Test
    void newSessionsAreLimitedPerAddressAndForwardedForCountsOnlyBehindAProxy() throws Exception {
        var limits = Map.of(
                "RAPPORT_WEBCHAT_ADDRESS_NEW_SESSIONS_BURST",
                "2",
                "RAPPORT_WEBCHAT_ADDRESS_NEW_SESSIONS_PER_HOUR",
                "1");
        try (var rapport = RunningRapport.start(limits)) {
            assertThat(page(rapport, "198.51.100.1").statusCode()).isEqualTo(200);
            assertThat(page(rapport, "198.51.100.2").statusCode()).isEqualTo(200);
            // Not behind a proxy: X-Forwarded-For is the client's word and changes nothing.
            var refused = page(rapport, "198.51.100.3");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("try again", "请几分钟后再试", "address_new_sessions");
            assertThat(rapport.count("SELECT count(*) FROM webchat_sessions")).isEqualTo(2);
        }
        var behindProxy = new java.util.HashMap<>(limits);
        behindProxy.put("RAPPORT_WEBCHAT_BEHIND_PROXY", "true");
        behindProxy.put("RAPPORT_WEBCHAT_NEW_SESSIONS_PER_HOUR", "4");
        try (var rapport = RunningRapport.start(behindProxy)) {
            // Behind a proxy each forwarded address has its own budget; the proxy's entry is the last one.
            for (int i = 1; i <= 3; i++) {
                assertThat(page(rapport, "203.0.113.9, 198.51.100." + i).statusCode())
                        .isEqualTo(200);
            }
            assertThat(page(rapport, "198.51.100.3").statusCode()).isEqualTo(200);
            assertThat(page(rapport, "198.51.100.3").statusCode()).isEqualTo(429);
            // And all addresses together stop at new_sessions_per_hour.
            var full = page(rapport, "198.51.100.200");
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.body()).contains("new_sessions");
        }
    }

    @Test
    void openStreamsAreCappedPerSession() throws Exception {
        try (var rapport = RunningRapport.start(Map.of("RAPPORT_WEBCHAT_SESSION_STREAMS", "2"))) {
            var browser = WebchatBrowser.open(rapport.url(""));
            List<Object> tabs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                var events = browser.listen();
                WebchatBrowser.next(events, "history");
                tabs.add(events);
            }
            var third = rapport.send(HttpRequest.newBuilder(URI.create(rapport.url("/chat/api/events")))
                    .header("Accept", "text/event-stream")
                    .header("Cookie", browser.cookie)
                    .GET()
                    .build());
            assertLimited(third, 429, "session_streams");
            assertThat(tabs).hasSize(2);
        }
    }

    private static HttpResponse<String> page(RunningRapport rapport, String forwardedFor) {
        return rapport.send(HttpRequest.newBuilder(URI.create(rapport.url("/chat")))
                .header("X-Forwarded-For", forwardedFor)
                .GET()
                .build());
    }

    private static void assertLimited(HttpResponse<String> response, int status, String limit) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
        JsonNode error = WebchatBrowser.JSON.readTree(response.body());
        assertThat(error.path("limit").asText()).isEqualTo(limit);
        assertThat(error.path("error").asText()).isNotBlank();
        assertThat(error.path("retry_after_seconds").asLong()).isPositive();
    }
}
