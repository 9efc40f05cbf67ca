package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.customer.CustomerSettings;
import dev.rapport.demo.DemoData;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo shop a first run starts with: seeded once through the real import, tiered, with links to try it. */
class DemoDataIT {

    static RunningRapport rapport;
    static List<DemoData.Persona> personas;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
        personas = DemoData.prepare(rapport.database.jdbi(), CustomerSettings.defaults(), ZoneId.of("Asia/Shanghai"));
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    @Test
    void theShopHasCustomersInEveryTierAndSomeWhoStoppedBuying() {
        assertThat(rapport.count("SELECT count(*) FROM customers WHERE external_id LIKE 'DEMO-%'"))
                .isEqualTo(300);
        for (String tier : List.of("key", "major", "ordinary", "small")) {
            assertThat(rapport.count(
                            "SELECT count(*) FROM customers WHERE external_id LIKE 'DEMO-%' AND tier = ?", tier))
                    .as(tier)
                    .isPositive();
        }
        assertThat(rapport.count("""
                SELECT count(*) FROM customers c WHERE external_id LIKE 'DEMO-%'
                  AND (SELECT max(purchased_at) FROM purchases p WHERE p.customer_id = c.id) < now() - interval '120 days'""")).isGreaterThan(10);
        assertThat(rapport.count("SELECT count(*) FROM audit_log WHERE actor = 'demo'"))
                .isEqualTo(2);
    }

    @Test
    void preparingAgainSeedsNothingMoreButMakesNewLinks() {
        long purchases = rapport.count("SELECT count(*) FROM purchases");
        var again = DemoData.prepare(rapport.database.jdbi(), CustomerSettings.defaults(), ZoneId.of("Asia/Shanghai"));
        assertThat(rapport.count("SELECT count(*) FROM purchases")).isEqualTo(purchases);
        assertThat(again)
                .hasSize(3)
                .extracting(DemoData.Persona::token)
                .doesNotContainAnyElementsOf(
                        personas.stream().map(DemoData.Persona::token).toList());
    }

    @Test
    void aPersonaLinkOpensAWebChatAsThatCustomer() {
        var keyCustomer = personas.get(0);
        assertThat(keyCustomer.tier()).isEqualTo("key");
        // The personal link opens a new chat; its page then says "/start <token>".
        var browser = WebchatBrowser.open(rapport.url(""), "/chat?start=" + keyCustomer.token());
        var posted = browser.say("/start " + keyCustomer.token());
        assertThat(posted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> rapport.count("""
                SELECT count(*) FROM channel_accounts a JOIN customers c ON c.id = a.customer_id
                WHERE a.channel = 'webchat' AND c.tier = 'key' AND c.external_id LIKE 'DEMO-%'""") == 1);
    }
}
