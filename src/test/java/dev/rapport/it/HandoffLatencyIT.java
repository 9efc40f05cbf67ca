package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.domain.StaffRef;
import dev.rapport.store.Json;
import dev.rapport.store.LiveEvents;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * How long a customer's message takes to reach the console: from the webhook POST to the live
 * notice ({@code console}, kind {@code customer_message}) a console instance receives through
 * PostgreSQL LISTEN. Messages are sent one at a time into a claimed handoff; prints p50/p99.
 * A loose upper bound only guards against a regression by orders of magnitude.
 */
class HandoffLatencyIT {

    static final int MESSAGES = 60;
    /** The first messages warm the JIT and the connection pools; they are not counted. */
    static final int WARM_UP = 5;

    @Test
    void aCustomersMessageReachesTheConsoleQuickly() throws Exception {
        try (var rapport = RunningRapport.start();
                Connection listener = rapport.database.dataSource().getConnection()) {
            var chat = new TelegramChat(rapport, 9201, "en");
            chat.say("/human", 1);
            long id = rapport.count("SELECT id FROM handoffs WHERE chat_key = '9201'");
            rapport.app().handoffs().claim(id, new StaffRef(1, "Alice"));
            try (Statement statement = listener.createStatement()) {
                statement.execute("LISTEN " + LiveEvents.CHANNEL);
            }
            PGConnection notices = listener.unwrap(PGConnection.class);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MESSAGES; i++) {
                long start = System.nanoTime();
                rapport.postUpdate(Updates.text(7_000_000L + i, 9201, "message " + i));
                boolean seen = false;
                while (!seen) {
                    PGNotification[] arrived = notices.getNotifications(10_000);
                    assertThat(arrived).as("a notice within 10 s").isNotNull();
                    for (PGNotification notice : arrived) {
                        var payload = Json.read(notice.getParameter());
                        seen |= "console".equals(payload.path("topic").asText())
                                && "customer_message"
                                        .equals(payload.path("data")
                                                .path("kind")
                                                .asText());
                    }
                }
                if (i >= WARM_UP) {
                    micros.add((System.nanoTime() - start) / 1_000);
                }
            }
            Collections.sort(micros);
            long p50 = micros.get(micros.size() / 2);
            long p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1);
            System.out.printf(
                    "customer message → console notice over %d messages: p50 %.1f ms, p99 %.1f ms%n",
                    MESSAGES, p50 / 1000.0, p99 / 1000.0);
            assertThat(p99).isLessThan(5_000_000);
            assertThat(chat.texts()).hasSize(1); // the bot stayed silent throughout
        }
    }
}
