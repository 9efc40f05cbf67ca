package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.cli.Commands;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outcomes of win-back cases from later purchases and windows, and the figures of {@code winback report}. */
class WinbackOutcomesIT {

    RunningRapport rapport;
    Shop shop;

    @BeforeEach
    void start() {
        rapport = RunningRapport.start();
        shop = new Shop(rapport);
    }

    @AfterEach
    void stop() {
        rapport.close();
    }

    private long lapsed(long chat, String tier) {
        long id = shop.customer(chat, tier, "en");
        shop.purchase(id, Instant.now().minus(400, ChronoUnit.DAYS));
        return id;
    }

    private String state(long customer) {
        return rapport.database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT coalesce(response, '-') || '/' || coalesce(outcome, '-') FROM winback_cases WHERE customer_id = :id")
                        .bind("id", customer)
                        .mapTo(String.class)
                        .one());
    }

    private void startedDaysAgo(long customer, int days) {
        shop.execute("UPDATE winback_cases SET started_at = now() - interval '" + days + " days' WHERE customer_id = "
                + customer);
    }

    @Test
    void aLaterPurchaseWinsTheCustomerBackAndNoPurchaseInTheWindowLosesThem() {
        long wonBack = lapsed(7601, "key");
        long lost = lapsed(7602, "key");
        long declined = lapsed(7603, "major");
        long silent = lapsed(7604, "small");
        long silentThenBuys = lapsed(7605, "small");
        rapport.runJob("winback.scan");
        for (long chat = 7601; chat <= 7605; chat++) {
            rapport.awaitSent(chat, 2);
        }
        rapport.press(7601, "a:winback.why:price", 6);
        rapport.press(7602, "a:winback.why:service", 6);
        rapport.press(7603, "a:winback.why:decline", 3);

        rapport.runJob("winback.outcomes");
        assertThat(state(wonBack)).isEqualTo("answered/-");
        assertThat(state(silent)).isEqualTo("-/-");

        shop.purchase(wonBack, Instant.now());
        startedDaysAgo(lost, 40); // won_back_window_days is 30
        startedDaysAgo(declined, 40);
        startedDaysAgo(silent, 40);
        startedDaysAgo(silentThenBuys, 5); // answer_window_days is 3
        shop.purchase(silentThenBuys, Instant.now().minus(1, ChronoUnit.DAYS));
        rapport.runJob("winback.outcomes");
        rapport.runJob("winback.outcomes"); // changes nothing more

        assertThat(state(wonBack)).isEqualTo("answered/won_back");
        assertThat(state(lost)).isEqualTo("answered/lost");
        assertThat(state(declined)).isEqualTo("declined/lost");
        assertThat(state(silent)).isEqualTo("no_answer/lost");
        assertThat(state(silentThenBuys)).isEqualTo("no_answer/won_back");
        assertThat(rapport.count("SELECT count(*) FROM events WHERE type = 'winback.outcome'"))
                .isEqualTo(5);

        Commands.Result report = new Commands(rapport.database, rapport.config()).winbackReport();
        assertThat(report.exitCode()).isZero();
        assertThat(report.out())
                .containsPattern("key\\s+2\\s+2\\s+0\\s+0\\s+1\\s+1\\s+50%")
                .containsPattern("major\\s+1\\s+0\\s+1\\s+0\\s+0\\s+1\\s+0%")
                .containsPattern("small\\s+2\\s+0\\s+0\\s+2\\s+1\\s+1\\s+50%")
                .containsPattern("key\\s+price\\s+1")
                .containsPattern("key\\s+service\\s+1");
    }
}
