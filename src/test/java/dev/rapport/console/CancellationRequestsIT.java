package dev.rapport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.domain.Language;
import dev.rapport.it.RunningRapport;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cancellation requests in the console over real HTTP: an open request shows in the queue pane and in
 * the customer's panel (in the member's language), and settling it with a note is stored once,
 * audited and recorded as an event that the conversation shows.
 */
class CancellationRequestsIT {

    static final String PASSWORD = "correct horse battery";

    @Test
    void staffSeeOpenRequestsAndMarkOneHandledWithANote() {
        try (var rapport = RunningRapport.start()) {
            var accounts = new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC());
            accounts.add("alice", Role.AGENT, PASSWORD.toCharArray(), Language.EN);
            accounts.add("li", Role.AGENT, PASSWORD.toCharArray(), Language.ZH);
            rapport.say(8801, "/start", "en", 1);
            long customer = rapport.count("SELECT customer_id FROM channel_accounts WHERE chat_key = '8801'");
            long request = rapport.count("""
                    INSERT INTO cancellation_requests (customer_id, reason, reason_text, channel, chat_key)
                    VALUES (?, 'price', 'Too dear since spring', 'telegram', '8801') RETURNING id""", customer);

            var alice = new StaffBrowser(rapport);
            assertThat(alice.signIn("alice", PASSWORD).statusCode()).isEqualTo(303);
            String queue = alice.get("/console").body();
            assertThat(queue)
                    .contains(
                            "id=\"cancellation-requests\" data-count=\"1\"",
                            "Asked to close their account (1)",
                            "href=\"/console/customers/" + customer + "#request-" + request + "\"",
                            "price — “Too dear since spring”");
            String panel = alice.get("/console/customers/" + customer).body();
            assertThat(panel)
                    .contains(
                            "id=\"request-" + request + "\"",
                            "Mark handled",
                            "Customer stays",
                            "/console/cancellations/" + request + "/handle");

            var li = new StaffBrowser(rapport);
            li.signIn("li", PASSWORD);
            assertThat(li.get("/console").body()).contains("申请注销账户（1）", "价格 — “Too dear since spring”");
            assertThat(li.get("/console/customers/" + customer).body()).contains("标记为已处理", "客户决定留下");

            // Without the CSRF token nothing changes.
            assertThat(alice.post("/console/cancellations/" + request + "/handle", Map.of("outcome", "withdrawn"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(alice.submit("/console/cancellations/" + request + "/handle", Map.of("outcome", "maybe"))
                            .statusCode())
                    .isEqualTo(400);
            var handled = alice.submit(
                    "/console/cancellations/" + request + "/handle",
                    Map.of("outcome", "withdrawn", "note", "Called her: she stays with the spring discount"));
            assertThat(handled.statusCode()).isEqualTo(303);
            assertThat(handled.headers().firstValue("Location").orElseThrow())
                    .isEqualTo("/console/customers/" + customer + "?done=cancellation.handle");
            assertThat(rapport.count("""
                    SELECT count(*) FROM cancellation_requests r JOIN staff s ON s.id = r.handled_by
                    WHERE r.id = ? AND r.status = 'withdrawn' AND r.handled_at IS NOT NULL AND s.name = 'alice'
                      AND r.handled_note = 'Called her: she stays with the spring discount'""", request)).isEqualTo(1);
            assertThat(rapport.count(
                            "SELECT count(*) FROM audit_log WHERE actor = 'staff:alice' AND action = 'cancellation.handle'"
                                    + " AND customer_id = ?",
                            customer))
                    .isEqualTo(1);
            assertThat(rapport.count("""
                    SELECT count(*) FROM events WHERE type = 'winback.cancellation_handled' AND customer_id = ?
                      AND data ->> 'outcome' = 'withdrawn' AND data ->> 'staff_name' = 'alice'
                      AND personal ->> 'note' LIKE 'Called her%'""", customer)).isEqualTo(1);

            String after = alice.get("/console/customers/" + customer + "?done=cancellation.handle")
                    .body();
            assertThat(after)
                    .contains(
                            "The cancellation request is marked handled.",
                            "Customer stays",
                            "Handled by alice on",
                            "Cancellation request handled by alice")
                    .doesNotContain("/console/cancellations/" + request + "/handle");
            assertThat(alice.get("/console").body()).contains("data-count=\"0\"", "No open cancellation request.");
            // Settled once: a second try (another agent a moment later) is refused and changes nothing.
            assertThat(li.submit("/console/cancellations/" + request + "/handle", Map.of("outcome", "done"))
                            .statusCode())
                    .isEqualTo(409);
            assertThat(rapport.count("SELECT count(*) FROM cancellation_requests WHERE status = 'withdrawn'"))
                    .isEqualTo(1);
        }
    }
}
