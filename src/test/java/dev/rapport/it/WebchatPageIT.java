package dev.rapport.it;

import static dev.rapport.it.WebchatBrowser.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.it.WebchatBrowser.Event;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * What the web chat page shows beyond the conversation itself: the main menu once instead of under
 * every reply, the business's name, logo and icon, its own texts in the chat's language, a clear word
 * on a message that is too long, older messages on request, and no raw {@code /start <token>} in the history.
 */
class WebchatPageIT {

    @Test
    void theMainMenuIsMarkedSoThePageShowsItUnderTheNewestReplyOnly() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var browser = WebchatBrowser.open(rapport.url(""));
            BlockingQueue<Event> events = browser.listen();
            next(events, "history");
            browser.post("{\"text\": \"/start\", \"language\": \"en\"}");
            Event greeting = next(events, "message");
            assertThat(greeting.data().path("menu").asBoolean())
                    .as("the greeting's buttons are the main menu")
                    .isTrue();

            browser.say("/language");
            Event choose = next(events, "message");
            assertThat(choose.data().path("buttons").size()).isPositive();
            assertThat(choose.data().has("menu"))
                    .as("a question's own buttons are not the menu")
                    .isFalse();

            String page = rapport.get("/chat").body();
            assertThat(page).contains("querySelectorAll(\".buttons.menu\")", "/menu", "\"Menu\"", "\"菜单\"");
        }
    }

    @Test
    void theHeaderShowsTheBusinessNameAndLogoAndThePageHasAnIcon() {
        try (var rapport = RunningRapport.start(Map.of(
                "RAPPORT_BUSINESS_NAME", "Tea & <Co>", "RAPPORT_WEBCHAT_LOGO_URL", "https://example.com/logo.png"))) {
            String page = rapport.get("/chat").body();
            assertThat(page)
                    .contains(
                            "<title>Tea &amp; &lt;Co&gt;</title>",
                            "<span id=\"business\">Tea &amp; &lt;Co&gt;</span>",
                            "<img id=\"logo\" src=\"https://example.com/logo.png\"",
                            "rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml,")
                    .doesNotContain("{{", "Rapport — chat");
        }
        try (var rapport = RunningRapport.start()) {
            assertThat(rapport.get("/chat").body())
                    .contains("<img id=\"logo\" src=\"\"", "header img[src=\"\"] { display: none; }");
        }
    }

    @Test
    void afterLanguageThePageIsToldTheChatsLanguageLiveAndOnReconnect() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var browser = WebchatBrowser.open(rapport.url(""));
            BlockingQueue<Event> events = browser.listen();
            next(events, "history");
            assertThat(next(events, "chat").data().has("language"))
                    .as("no language before the first message")
                    .isFalse();
            browser.post("{\"text\": \"/start\", \"language\": \"en\"}");
            assertThat(next(events, "message").data().path("language").asText()).isEqualTo("en");

            browser.say("/language");
            JsonNode choose = next(events, "message").data();
            String chinese = choose.path("buttons").get(0).get(1).path("data").asText();
            browser.post("{\"button\": \"" + chinese + "\", \"pressId\": \"p1\"}");
            Event changed = next(events, "message");
            assertThat(changed.data().path("language").asText()).isEqualTo("zh");

            BlockingQueue<Event> again = browser.listen();
            next(again, "history");
            assertThat(next(again, "chat").data().path("language").asText()).isEqualTo("zh");

            String page = rapport.get("/chat").body();
            assertThat(page)
                    .contains(
                            "addEventListener(\"chat\"",
                            "applyLanguage(message.language)",
                            "placeholder: \"输入消息…\"",
                            "placeholder: \"Type a message…\"");
        }
    }

    @Test
    void aMessageOverTheLimitIsRefusedWithWhatAndTheLimitInBothLanguagesAndThePageSaysSo() {
        try (var rapport = RunningRapport.start(Map.of("RAPPORT_WEBCHAT_MAX_TEXT_CHARS", "4096"))) {
            var browser = WebchatBrowser.open(rapport.url(""));
            var tooLong = browser.say("长".repeat(4097));
            assertThat(tooLong.statusCode()).isEqualTo(413);
            assertThat(tooLong.body()).contains("limited to 4096 characters", "this one has 4097", "最多 4096 个字符");
            assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE channel = 'webchat'"))
                    .isZero();

            String page = rapport.get("/chat").body();
            assertThat(page)
                    .as("the input does not cut a long paste silently")
                    .doesNotContain("maxlength")
                    .contains(
                            "const MAX_CHARS = 4096;",
                            "Too long: {n} of at most {max} characters",
                            "消息过长：{n} 个字符，最多 {max} 个");
        }
    }

    @Test
    void olderMessagesThanTheRecentFiftyAreFetchedAPageAtATime() throws Exception {
        try (var rapport = RunningRapport.start(Map.of(
                "RAPPORT_WEBCHAT_SESSION_MESSAGES_PER_MINUTE",
                "100000",
                "RAPPORT_WEBCHAT_SESSION_MESSAGES_BURST",
                "1000"))) {
            var browser = WebchatBrowser.open(rapport.url(""));
            for (int i = 1; i <= 30; i++) {
                assertThat(browser.say("question " + i).statusCode()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> rapport.count(
                                    "SELECT count(*) FROM messages WHERE channel = 'webchat' AND direction = 'out'")
                            >= 30);

            BlockingQueue<Event> events = browser.listen();
            JsonNode recent = next(events, "history").data();
            assertThat(recent.toString()).contains("question 30").doesNotContain("\"question 5\"");
            long earlier = next(events, "chat").data().path("earlier").asLong();
            assertThat(earlier)
                    .as("the chat event says where the earlier messages end")
                    .isPositive();

            var older = earlier(browser, "?before=" + earlier);
            assertThat(older.statusCode()).isEqualTo(200);
            JsonNode page = WebchatBrowser.JSON.readTree(older.body());
            assertThat(page.path("messages").toString())
                    .contains("\"question 1\"", "\"question 5\"")
                    .doesNotContain("question 30");
            assertThat(page.path("earlier").isNull())
                    .as("nothing before the first page")
                    .isTrue();

            assertThat(earlier(browser, "?before=abc").statusCode()).isEqualTo(400);
            assertThat(earlier(WebchatBrowser.withCookie(rapport.url(""), "rapport_chat=forged"), "?before=" + earlier)
                            .statusCode())
                    .isEqualTo(401);
            String pageHtml = rapport.get("/chat").body();
            assertThat(pageHtml).contains("/chat/api/history?before=", "Show earlier messages", "显示更早的消息");
        }
    }

    private static HttpResponse<String> earlier(WebchatBrowser browser, String query) {
        return WebchatBrowser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl + "/chat/api/history" + query))
                .header("Cookie", browser.cookie)
                .GET()
                .build());
    }

    @Test
    void theHistoryNeverShowsTheStartCommandOrItsToken() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var browser = WebchatBrowser.open(rapport.url(""));
            BlockingQueue<Event> events = browser.listen();
            next(events, "history");
            browser.post("{\"text\": \"/start secret-token-123\", \"language\": \"en\"}");
            next(events, "message");

            BlockingQueue<Event> again = browser.listen();
            JsonNode history = next(again, "history").data();
            assertThat(history.toString()).doesNotContain("/start", "secret-token-123");
            assertThat(history.get(0).path("start").asBoolean())
                    .as("the page knows the chat was started")
                    .isTrue();
            assertThat(history.get(1).path("direction").asText()).isEqualTo("out");
        }
    }
}
