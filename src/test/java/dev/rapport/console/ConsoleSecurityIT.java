package dev.rapport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.domain.Language;
import dev.rapport.feature.PageRoute;
import dev.rapport.it.RunningRapport;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's security, checked over real HTTP against the route table as registered — every page
 * route, not a hand-picked few: anonymous requests, roles, CSRF, escaping, lockout, cookie flags.
 */
class ConsoleSecurityIT {

    static final String PASSWORD = "correct horse battery";
    static RunningRapport rapport;
    static StaffAccounts accounts;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
        accounts = new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC());
        accounts.add("alice", Role.AGENT, PASSWORD.toCharArray(), Language.EN);
        accounts.add("mona", Role.MANAGER, PASSWORD.toCharArray(), Language.ZH);
        accounts.add("adam", Role.ADMIN, PASSWORD.toCharArray(), Language.EN);
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    /** A request path for a route: each {@code {param}} filled with something plausible. */
    static String path(PageRoute route) {
        return route.path().replace("{ticket}", "C-240101-0001").replaceAll("\\{[a-z]+}", "1");
    }

    static List<PageRoute> guarded() {
        return rapport.pageRoutes().stream()
                .filter(route -> route.access() instanceof PageRoute.Roles)
                .toList();
    }

    @Test
    void onlyTheSignInPageAndTheAssetsArePublic() {
        assertThat(rapport.pageRoutes()).hasSizeGreaterThan(8);
        assertThat(rapport.pageRoutes().stream()
                        .filter(route -> route.access() instanceof PageRoute.Public)
                        .map(route -> route.method() + " " + route.path()))
                .containsExactlyInAnyOrder("GET /console/login", "POST /console/login", "GET /console/assets/{file}");
    }

    @Test
    void everyConsoleRouteRejectsAnonymousRequests() {
        var anonymous = new StaffBrowser(rapport);
        for (PageRoute route : guarded()) {
            if (route.method() == PageRoute.Method.GET) {
                var answer = anonymous.get(path(route));
                assertThat(answer.statusCode()).as(route.path()).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location"))
                        .as(route.path())
                        .hasValueSatisfying(location -> assertThat(location).startsWith("/console/login"));
            } else {
                assertThat(anonymous.post(path(route), Map.of()).statusCode())
                        .as(route.path())
                        .isEqualTo(401);
            }
        }
    }

    @Test
    void aForgedOrStaleSessionCookieIsAnonymous() {
        var request = HttpRequest.newBuilder(URI.create(rapport.url("/console")))
                .header("Cookie", "rapport_staff=" + "A".repeat(43))
                .GET()
                .build();
        assertThat(rapport.send(request).statusCode()).isEqualTo(302);
    }

    @Test
    void anAgentCannotReachManagerOrAdminRoutes() {
        var agent = new StaffBrowser(rapport);
        assertThat(agent.signIn("alice", PASSWORD).statusCode()).isEqualTo(303);
        var forbidden = guarded().stream()
                .filter(route -> !((PageRoute.Roles) route.access()).allowed().contains(Role.AGENT))
                .toList();
        assertThat(forbidden).isNotEmpty();
        for (PageRoute route : forbidden) {
            int status = route.method() == PageRoute.Method.GET
                    ? agent.get(path(route)).statusCode()
                    : agent.submit(path(route), Map.of()).statusCode();
            assertThat(status).as(route.path()).isEqualTo(403);
        }
        var manager = new StaffBrowser(rapport);
        manager.signIn("mona", PASSWORD);
        assertThat(manager.get("/console/audit").statusCode()).isEqualTo(200);
        assertThat(manager.get("/console/staff").statusCode()).isEqualTo(403);
    }

    @Test
    void everyStateChangeWithoutAValidCsrfTokenIs403() {
        var admin = new StaffBrowser(rapport);
        admin.signIn("adam", PASSWORD);
        for (PageRoute route : rapport.pageRoutes()) {
            if (route.method() != PageRoute.Method.POST) {
                continue;
            }
            assertThat(admin.post(path(route), Map.of("note", "x")).statusCode())
                    .as(route.path())
                    .isEqualTo(403);
            assertThat(admin.post(path(route), Map.of("_csrf", "forged", "note", "x"))
                            .statusCode())
                    .as(route.path())
                    .isEqualTo(403);
            assertThat(admin.post(path(route), Map.of(), Map.of("X-CSRF-Token", "forged"))
                            .statusCode())
                    .as(route.path())
                    .isEqualTo(403);
        }
        // The signed-in session still works afterwards: the checks refused, they did not sign out.
        assertThat(admin.get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void aCustomerMessageWithScriptRendersAsText() {
        long chat = 7_001;
        rapport.say(chat, "<script>alert('x')</script> my parcel <b>never</b> came", "en", 1);
        long customer =
                rapport.count("SELECT customer_id FROM channel_accounts WHERE chat_key = ?", String.valueOf(chat));
        var agent = new StaffBrowser(rapport);
        agent.signIn("alice", PASSWORD);
        String page = agent.get("/console/customers/" + customer).body();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; my parcel &lt;b&gt;never&lt;/b&gt;");
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<b>never</b>");
        String found = agent.get("/console/search?q="
                        + java.net.URLEncoder.encode("<script>", java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(found).contains("&lt;script&gt;alert").doesNotContain("<script>alert");
        assertThat(rapport.count(
                        "SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND customer_id = ?", customer))
                .isEqualTo(1);
    }

    @Test
    void twoAgentsClaimingAtOnceExactlyOneWinsAndTheOtherIsToldWho() throws Exception {
        long chat = 7_002;
        rapport.say(chat, "/human", "en", 1);
        long handoff = rapport.count("SELECT id FROM handoffs WHERE chat_key = ?", String.valueOf(chat));
        accounts.add("bo", Role.AGENT, PASSWORD.toCharArray(), Language.EN);
        var alice = new StaffBrowser(rapport);
        alice.signIn("alice", PASSWORD);
        var bo = new StaffBrowser(rapport);
        bo.signIn("bo", PASSWORD);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> {
                start.await();
                return alice.submit("/console/handoffs/" + handoff + "/claim", Map.of());
            });
            var second = pool.submit(() -> {
                start.await();
                return bo.submit("/console/handoffs/" + handoff + "/claim", Map.of());
            });
            start.countDown();
            var outcomes = java.util.stream.Stream.of(first.get(), second.get())
                    .map(answer -> answer.headers().firstValue("Location").orElse(""))
                    .sorted()
                    .toList();
            assertThat(outcomes).hasSize(2);
            assertThat(outcomes.get(0)).endsWith("?done=handoff.claimed");
            assertThat(outcomes.get(1)).containsPattern("\\?done=handoff.taken&by=(alice|bo)$");
        } finally {
            pool.shutdownNow();
        }
        assertThat(rapport.count(
                        "SELECT count(*) FROM events WHERE type = 'handoff.claimed' "
                                + "AND (data ->> 'handoff_id')::bigint = ?",
                        handoff))
                .isEqualTo(1);
        assertThat(rapport.count(
                        "SELECT count(*) FROM audit_log WHERE action = 'handoff.claim' "
                                + "AND (details ->> 'handoff')::bigint = ?",
                        handoff))
                .isEqualTo(2);
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        accounts.add("lena", Role.AGENT, PASSWORD.toCharArray(), Language.EN);
        var browser = new StaffBrowser(rapport);
        for (int attempt = 1; attempt <= 4; attempt++) {
            var answer = browser.signIn("lena", "wrong password " + attempt);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("Wrong name or password");
        }
        assertThat(browser.signIn("lena", "wrong password 5").body()).contains("locked until");
        var right = browser.signIn("lena", PASSWORD);
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("locked until");
        assertThat(browser.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndSecureBehindHttps() {
        var browser = new StaffBrowser(rapport);
        String form = browser.get("/console/login").body();
        var plain = browser.post(
                "/console/login", Map.of("_csrf", StaffBrowser.token(form), "name", "alice", "password", PASSWORD));
        String cookie = plain.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("rapport_staff="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        var proxied = new StaffBrowser(rapport);
        String again = proxied.get("/console/login").body();
        var secure = proxied.post(
                "/console/login",
                Map.of("_csrf", StaffBrowser.token(again), "name", "alice", "password", PASSWORD),
                Map.of("X-Forwarded-Proto", "https"));
        assertThat(secure.headers().allValues("Set-Cookie").stream()
                        .filter(value -> value.startsWith("rapport_staff="))
                        .findFirst()
                        .orElseThrow())
                .contains("Secure")
                .contains("HttpOnly");
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        var browser = new StaffBrowser(rapport);
        browser.signIn("alice", PASSWORD);
        assertThat(browser.submit("/console/logout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void theLanguageChoiceIsKeptOnTheAccount() {
        accounts.add("li", Role.AGENT, PASSWORD.toCharArray(), Language.EN);
        var browser = new StaffBrowser(rapport);
        browser.signIn("li", PASSWORD);
        assertThat(browser.get("/console").body()).contains("Tickets waiting for a person");
        browser.submit("/console/language", Map.of("language", "zh"));
        assertThat(browser.get("/console").body()).contains("等待处理的工单").contains("lang=\"zh-CN\"");
        assertThat(accounts.find("li").orElseThrow().language()).isEqualTo(Language.ZH);
    }
}
