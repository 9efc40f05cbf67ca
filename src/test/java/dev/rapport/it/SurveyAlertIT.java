package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.domain.Language;
import dev.rapport.handoff.TranscriptEntry;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer answers the feedback survey's CSAT with a 1 in Telegram while their web chat is waiting for
 * a person: a console that is open sees the alert on its live stream at once, the alert strip above the
 * queue lists it, and the open handoff's conversation has it as a note. A happy answer raises nothing.
 */
class SurveyAlertIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
        new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC())
                .add("alice", Role.AGENT, "alice password".toCharArray(), Language.EN);
    }

    @AfterAll
    static void stop() {
        if (rapport != null) {
            rapport.close();
        }
    }

    @Test
    void aCsatOfOneReachesTheConsoleLiveAndTheOpenHandoffAsANote() throws Exception {
        var chat = new SurveyChat(rapport, 9601, "en");
        long customer = new Shop(rapport).customer(9601, "ordinary", "en");
        rapport.database.jdbi().useHandle(handle -> {
            handle.execute("""
                    INSERT INTO channel_accounts (channel, chat_key, customer_id, user_ref, first_name, language_code)
                    VALUES ('webchat', 'w-9601', ?, 'w-9601', 'Ada', 'en')""", customer);
            handle.execute("""
                    INSERT INTO handoffs (channel, chat_key, customer_id, tier, reasons)
                    VALUES ('webchat', 'w-9601', ?, 'ordinary', '[{"reason": "asked_for_person", "detail": "", "at": "2026-12-01T00:00:00Z"}]')""", customer);
        });
        long handoff = rapport.count("SELECT id FROM handoffs WHERE chat_key = 'w-9601'");
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        signIn(browser, "alice", "alice password");
        List<String> stream = new CopyOnWriteArrayList<>();
        var open = browser.sendAsync(
                HttpRequest.newBuilder(URI.create(rapport.url("/console/stream")))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> open.join().body().forEach(stream::add), "test-console-stream");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stream.stream().anyMatch(line -> line.startsWith("event: hello")));

        chat.say("/feedback", 2);
        chat.press("a:survey_feedback.csat:1", 2);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> stream.stream()
                        .anyMatch(line -> line.contains("\"kind\":\"survey.unhappy_answer\"")
                                && line.contains("\"customer_id\":" + customer)
                                && line.contains("\"handoff_id\":" + handoff)));
        List<TranscriptEntry> transcript = rapport.handoffs().transcript(customer, 50, null);
        assertThat(transcript)
                .filteredOn(entry -> entry.kind() == TranscriptEntry.Kind.NOTE)
                .singleElement()
                .satisfies(note -> {
                    assertThat(note.handoffId()).isEqualTo(handoff);
                    assertThat(note.text())
                            .isEqualTo("Survey alert: CSAT 1 of 5 in survey feedback. "
                                    + "The customer is unhappy; follow up today.");
                    assertThat(note.staff()).isNull();
                });
        String queue = get(browser, "/console/fragments/queue");
        assertThat(queue)
                .contains(
                        "id=\"survey-alerts\"",
                        "Unhappy survey answers, last 24 hours",
                        "href=\"/console/customers/" + customer + "\"",
                        "CSAT 1 of 5",
                        "survey feedback");
        assertThat(get(browser, "/console/customers/" + customer))
                .contains("msg note alert", "Survey alert: CSAT 1 of 5 in survey feedback");

        // A promoter is no alert: still exactly one, held for a while after the answer was stored.
        chat.press("a:survey_feedback.nps:9", 2);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> rapport.count(
                                        "SELECT count(*) FROM events WHERE type = 'survey.unhappy_answer' AND customer_id = ?",
                                        customer)
                                == 1
                        && stream.stream()
                                        .filter(line -> line.contains("survey.unhappy_answer"))
                                        .count()
                                == 1);
    }

    private static void signIn(HttpClient browser, String name, String password) throws Exception {
        Matcher token = CSRF.matcher(get(browser, "/console/login"));
        assertThat(token.find()).isTrue();
        String form = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&name=" + name
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var answer = browser.send(
                HttpRequest.newBuilder(URI.create(rapport.url("/console/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(303);
    }

    private static String get(HttpClient browser, String path) throws Exception {
        var answer = browser.send(
                HttpRequest.newBuilder(URI.create(rapport.url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }
}
