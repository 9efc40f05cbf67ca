package dev.rapport.it;

import static dev.rapport.it.WebchatBrowser.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web chat session: issued by the server in a cookie, never in a URL, never chosen by the client. */
class WebchatSessionsIT {

    @Test
    void theServerIssuesAnUnguessableSessionInAnHttpOnlyCookieAndRefusesOnesItDidNotIssue() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var page = rapport.get("/chat");
            String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie)
                    .matches("rapport_chat=[A-Za-z0-9_-]{43}; Path=/chat; Max-Age=\\d+; HttpOnly; SameSite=Lax")
                    .doesNotContain("Secure");
            String token = setCookie.substring("rapport_chat=".length(), setCookie.indexOf(';'));
            // Only a hash of the secret is stored: the database cannot be used to take a chat over.
            assertThat(rapport.count("SELECT count(*) FROM webchat_sessions WHERE chat_key LIKE ?", "%" + token + "%"))
                    .isZero();
            assertThat(rapport.count("SELECT count(*) FROM webchat_sessions")).isEqualTo(1);

            // A session the browser made up (right shape, never issued) is not accepted, nor one in the body.
            var madeUp = WebchatBrowser.withCookie(rapport.url(""), "rapport_chat=" + "A".repeat(43));
            assertThat(madeUp.say("hello").statusCode()).isEqualTo(401);
            assertThat(rapport.postJson(
                                    "/chat/api/messages", "{\"session\": \"0123456789abcdef0123\", \"text\": \"hi\"}")
                            .statusCode())
                    .isEqualTo(401);
            var stream = rapport.send(HttpRequest.newBuilder(URI.create(rapport.url("/chat/api/events")))
                    .header("Accept", "text/event-stream")
                    .header("Cookie", madeUp.cookie)
                    .GET()
                    .build());
            assertThat(stream.statusCode()).isEqualTo(401);
            assertThat(rapport.count("SELECT count(*) FROM inbound_updates")).isZero();

            // The issued one works for posts and the stream, and the same browser keeps its session.
            var browser = WebchatBrowser.withCookie(rapport.url(""), "rapport_chat=" + token);
            var events = browser.listen();
            next(events, "history");
            assertThat(browser.say("/start").statusCode()).isEqualTo(202);
            next(events, "message");
            var again = rapport.send(HttpRequest.newBuilder(URI.create(rapport.url("/chat")))
                    .header("Cookie", browser.cookie)
                    .GET()
                    .build());
            assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aPersonalLinkOpensANewChatAndTheCookieIsSecureBehindAnHttpsProxy() {
        try (var rapport = RunningRapport.start(Map.of("RAPPORT_WEBCHAT_BEHIND_PROXY", "true"))) {
            var browser = WebchatBrowser.open(rapport.url(""));
            var linked = rapport.send(HttpRequest.newBuilder(URI.create(rapport.url("/chat?start=abc123")))
                    .header("Cookie", browser.cookie)
                    .header("X-Forwarded-Proto", "https")
                    .GET()
                    .build());
            assertThat(linked.statusCode()).isEqualTo(200);
            String setCookie = linked.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).endsWith("; Secure").doesNotContain(browser.cookie);
            assertThat(rapport.count("SELECT count(*) FROM webchat_sessions")).isEqualTo(2);
        }
    }
}
