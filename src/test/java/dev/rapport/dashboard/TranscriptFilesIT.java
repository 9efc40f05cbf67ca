package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.domain.Language;
import dev.rapport.it.RunningRapport;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A photo a customer sent through the web chat in a manager's transcript: a link on the page, the
 * reference in the text and JSON exports, and the file itself served to staff with safe headers.
 */
class TranscriptFilesIT {

    static final String PASSWORD = "correct horse battery";
    static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @Test
    void theTranscriptLinksTheWebChatFileAndStaffCanOpenIt() {
        try (var rapport = RunningRapport.start()) {
            new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC())
                    .add("mona", Role.MANAGER, PASSWORD.toCharArray(), Language.EN);
            long customer = rapport.count("INSERT INTO customers (name) VALUES ('Ada') RETURNING id");
            long file = rapport.database
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("""
                            INSERT INTO chat_files (channel, chat_key, customer_id, kind, content_type, file_name, size_bytes, bytes)
                            VALUES ('webchat', 'k1', :customer, 'photo', 'image/png', '破了的盖子 "lid".png', 12, :bytes)
                            RETURNING id""")
                            .bind("customer", customer)
                            .bind("bytes", PNG_START)
                            .mapTo(Long.class)
                            .one());
            rapport.database.jdbi().useHandle(handle -> handle.execute("""
                    INSERT INTO messages (direction, channel, chat_key, customer_id, kind, text, file_ref)
                    VALUES ('in', 'webchat', 'k1', ?, 'photo', 'the cracked lid', ?)""", customer, "webchat:" + file));

            var manager = new Browser(rapport).signIn("mona", PASSWORD);
            String page = manager.get("/dashboard/transcripts/" + customer).body();
            assertThat(page).contains("href=\"/console/files/" + file + "\"", "Open the file", "the cracked lid");
            assertThat(manager.get("/dashboard/transcripts/" + customer + "/text")
                            .body())
                    .contains("(photo): the cracked lid <webchat:" + file + ">");
            assertThat(manager.get("/dashboard/transcripts/" + customer + "/json")
                            .body())
                    .contains("\"file\":\"webchat:" + file + "\"");

            var opened = manager.get("/console/files/" + file);
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("image/png");
            assertThat(opened.headers().firstValue("Content-Disposition").orElseThrow())
                    .isEqualTo("inline; filename=\"photo-" + file + ".png\"; filename*=UTF-8''"
                            + "%E7%A0%B4%E4%BA%86%E7%9A%84%E7%9B%96%E5%AD%90%20%22lid%22.png");
            assertThat(opened.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(opened.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .startsWith("sandbox");
            assertThat(manager.get("/console/files/" + (file + 1)).statusCode()).isEqualTo(404);
            assertThat(rapport.count(
                            "SELECT count(*) FROM audit_log WHERE action = 'customer.file_view' AND customer_id = ?",
                            customer))
                    .isEqualTo(1);
        }
    }
}
