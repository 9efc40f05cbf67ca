package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.domain.Language;
import dev.rapport.feature.PageRoute;
import dev.rapport.it.RunningRapport;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard over real HTTP: who may open it, what the pages and exports say, in both languages. */
class DashboardPagesIT {

    static final String PASSWORD = "correct horse battery";
    static final String NOVEMBER = "from=2026-11-01&to=2026-11-10";
    static RunningRapport rapport;
    static Fixture fixture;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start(java.util.Map.of("RAPPORT_TIME_ZONE", "UTC"));
        fixture = new Fixture(rapport.database.jdbi());
        var accounts = new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC());
        accounts.add("alice", Role.AGENT, PASSWORD.toCharArray(), Language.EN);
        accounts.add("mona", Role.MANAGER, PASSWORD.toCharArray(), Language.EN);
        accounts.add("wang", Role.MANAGER, PASSWORD.toCharArray(), Language.ZH);
        accounts.add("adam", Role.ADMIN, PASSWORD.toCharArray(), Language.EN);
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    static List<String> dashboardPaths() {
        return rapport.pageRoutes().stream()
                .filter(route -> route.path().startsWith("/dashboard"))
                .map(PageRoute::path)
                .toList();
    }

    static String concrete(String path, long customer) {
        return path.replace("{set}", "answers")
                .replace("{customer}", String.valueOf(customer))
                .replace("{file}", "dashboard.js");
    }

    @Test
    void anAgentCannotOpenTheDashboardNorItsExports() {
        var agent = new Browser(rapport).signIn("alice", PASSWORD);
        assertThat(dashboardPaths())
                .contains("/dashboard", "/dashboard/rows/{set}/csv", "/dashboard/transcripts/{customer}/json");
        for (String path : dashboardPaths()) {
            assertThat(agent.get(concrete(path, fixture.key)).statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        var anonymous = new Browser(rapport);
        for (String path : dashboardPaths()) {
            var answer = anonymous.get(concrete(path, fixture.key));
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).startsWith("/console/login");
        }
        var admin = new Browser(rapport).signIn("adam", PASSWORD);
        for (String path : dashboardPaths()) {
            assertThat(admin.get(concrete(path, fixture.key)).statusCode())
                    .as(path)
                    .isEqualTo(200);
        }
    }

    @Test
    void theOverviewShowsEachFigureWithItsDefinition() {
        var manager = new Browser(rapport).signIn("mona", PASSWORD);
        String page = manager.get("/dashboard?" + NOVEMBER).body();
        assertThat(page)
                .contains("id=\"card-csat-share\"")
                .contains(">50.0%</a>") // CSAT 4–5: 2 of 4
                .contains(">+0.0</a>") // NPS
                .contains(">5.50 (1–7)</a>") // CES, on its scale
                .contains("on the survey&#39;s own scale, 1–5 or 1–7")
                .contains(">40.0%</a>") // response rate 2 / 5
                .contains("previous period: +100.0")
                .contains("title=\"Share of CSAT answers (1–5) that are 4 or 5")
                .contains("id=\"def-csat_share\"")
                .contains(
                        "href=\"/dashboard/rows/answers?from=2026-11-01&amp;to=2026-11-10&amp;type=csat&amp;min=1&amp;max=1\"")
                .doesNotContain("tier=&amp;");
        assertThat(page).contains("快递太慢了，包装破损").contains("data-chart=");
        assertThat(page)
                .contains("id=\"handoffs-by-agent\"")
                .contains(">Lena</th>")
                .doesNotContain("No data yet: handoffs");
    }

    @Test
    void aChineseManagerSeesItInChinese() {
        var manager = new Browser(rapport).signIn("wang", PASSWORD);
        String page = manager.get("/dashboard?" + NOVEMBER).body();
        assertThat(page)
                .contains("<html lang=\"zh-CN\">")
                .contains("经理看板")
                .contains("满意率（4–5 分）")
                .contains("净推荐值");
    }

    @Test
    void csvExportsAreProtectedAgainstFormulasAndMatchTheRows() {
        var manager = new Browser(rapport).signIn("mona", PASSWORD);
        var csv = manager.get("/dashboard/rows/tickets/csv?" + NOVEMBER);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String body = csv.body();
        assertThat(body).startsWith("\uFEFF\"customer_id\",\"row_id\",\"Ticket\"");
        assertThat(body.split("\r\n")).hasSize(1 + 3);
        assertThat(body).contains("\"'=HYPERLINK(\"\"x\"\")\"").doesNotContain(",\"=HYPERLINK");
        var low = manager.get("/dashboard/rows/answers/csv?" + NOVEMBER + "&type=csat&max=2")
                .body();
        assertThat(low.split("\r\n")).hasSize(1 + 2);
        long exports = rapport.database
                .jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT count(*) FROM audit_log WHERE action = 'dashboard.export'")
                                .mapTo(Long.class)
                                .one());
        assertThat(exports).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rowsLeadToTheWholeTranscriptAsPageTextAndJson() {
        var manager = new Browser(rapport).signIn("mona", PASSWORD);
        String rows = manager.get("/dashboard/rows/answers?" + NOVEMBER + "&type=csat&min=1&max=2")
                .body();
        assertThat(rows)
                .contains("href=\"/dashboard/transcripts/" + fixture.small + "?answer=" + fixture.answerR4Csat + "\"");
        String page = manager.get("/dashboard/transcripts/" + fixture.key).body();
        assertThat(page)
                .contains("My parcel is late")
                .contains("Sorry to hear that")
                .contains("note in_progress");
        String text =
                manager.get("/dashboard/transcripts/" + fixture.key + "/text").body();
        assertThat(text).contains("Customer (text): My parcel is late").contains("Note by Lena");
        String json =
                manager.get("/dashboard/transcripts/" + fixture.key + "/json").body();
        assertThat(json).contains("\"who\":\"customer\"").contains("\"staff\":\"Lena\"");
        assertThat(manager.get("/dashboard/transcripts/999999").statusCode()).isEqualTo(404);
        assertThat(manager.get("/dashboard/rows/nothing").statusCode()).isEqualTo(404);
    }
}
