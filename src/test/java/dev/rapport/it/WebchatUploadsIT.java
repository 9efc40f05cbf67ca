package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.customer.privacy.CustomerErasure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The web chat's attach button over real HTTP: a photo sent while a complaint is being told is kept
 * (bytes in {@code chat_files}) and lands where a Telegram photo does — the message log, the
 * {@code message.media} event and the complaint's attachments; what a file is comes from its bytes;
 * too large, foreign or cross-site posts are refused; erasing the customer clears the bytes.
 */
class WebchatUploadsIT {

    static byte[] png() throws IOException {
        var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static void awaitCustomer(RunningRapport rapport) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> rapport.count("SELECT count(*) FROM channel_accounts WHERE channel = 'webchat'") == 1);
    }

    @Test
    void aPhotoSentDuringAComplaintIsKeptWithTheTicketAndErasedWithTheCustomer() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var browser = WebchatBrowser.open(rapport.url(""));
            browser.say("/start");
            awaitCustomer(rapport);
            browser.say("/complaint");
            byte[] photo = png();
            var stored = browser.upload(photo, "C:\\Users\\ada\\cracked lid 裂了.PNG", true);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(202);
            browser.say("The kettle arrived with a cracked lid");
            browser.post("{\"button\": \"a:complaint.order:skip\", \"pressId\": \"p1\"}");
            browser.post("{\"button\": \"a:complaint.category:product\", \"pressId\": \"p2\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> rapport.count("SELECT count(*) FROM complaints") == 1);

            long file = rapport.count("SELECT id FROM chat_files");
            assertThat(rapport.count(
                            "SELECT count(*) FROM chat_files WHERE kind = 'photo' AND content_type = 'image/png'"
                                    + " AND file_name = 'cracked lid 裂了.PNG' AND size_bytes = ? AND bytes IS NOT NULL",
                            photo.length))
                    .isEqualTo(1);
            assertThat(rapport.count(
                            "SELECT count(*) FROM complaints WHERE attachments @> CAST(? AS jsonb)"
                                    + " AND description LIKE '%cracked lid%'",
                            "[{\"kind\": \"photo\", \"file\": \"webchat:" + file + "\"}]"))
                    .isEqualTo(1);
            assertThat(rapport.count(
                            "SELECT count(*) FROM messages WHERE direction = 'in' AND kind = 'photo' AND file_ref = ?",
                            "webchat:" + file))
                    .isEqualTo(1);
            assertThat(rapport.count(
                            "SELECT count(*) FROM events WHERE type = 'message.media'"
                                    + " AND (data || coalesce(personal, '{}'::jsonb)) ->> 'file' = ?",
                            "webchat:" + file))
                    .isEqualTo(1);
            // Staff only: nobody signed in is sent to the sign-in page, the chat's own cookie opens nothing.
            assertThat(rapport.get("/console/files/" + file).statusCode()).isNotEqualTo(200);
            assertThat(WebchatBrowser.send(java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(rapport.url("/console/files/" + file)))
                                    .header("Cookie", browser.cookie)
                                    .build())
                            .statusCode())
                    .isNotEqualTo(200);

            long customer = rapport.count("SELECT customer_id FROM chat_files");
            new CustomerErasure(rapport.database.jdbi()).erase(customer, "test");
            assertThat(rapport.count("SELECT count(*) FROM chat_files WHERE bytes IS NULL AND file_name IS NULL"))
                    .isEqualTo(1);
            assertThat(rapport.count("SELECT count(*) FROM messages WHERE file_ref IS NOT NULL"))
                    .isZero();
        }
    }

    @Test
    void filesAreJudgedByTheirBytesLimitedInSizeAndSentFromThePageOnly() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var browser = WebchatBrowser.open(rapport.url(""));
            browser.say("/start");
            awaitCustomer(rapport);
            var script = browser.upload("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "cat.png", true);
            assertThat(script.statusCode()).isEqualTo(415);
            assertThat(script.body()).contains("JPEG", "PDF", "只能发送照片");
            byte[] large = new byte[10 * 1024 * 1024 + 1];
            System.arraycopy(png(), 0, large, 0, 16);
            var tooLarge = rapport.sendAnsweredEarly(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(rapport.url("/chat/api/files?name=huge.png")))
                    .header("Cookie", browser.cookie)
                    .header("X-Rapport-Chat", "1")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(large))
                    .build());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("10 MB", "文件最大 10 MB");
            assertThat(browser.upload(png(), "a.png", false).statusCode()).isEqualTo(403);
            assertThat(WebchatBrowser.withCookie(rapport.url(""), "rapport_chat=none")
                            .upload(png(), "a.png", true)
                            .statusCode())
                    .isEqualTo(401);
            var pdf = browser.upload(
                    "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1),
                    "invoice.txt",
                    true);
            assertThat(pdf.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> rapport.count(
                                    "SELECT count(*) FROM messages WHERE kind = 'document' AND file_ref LIKE 'webchat:%'")
                            == 1);
            assertThat(rapport.count("SELECT count(*) FROM chat_files")).isEqualTo(1);
            assertThat(rapport.count("SELECT count(*) FROM chat_files WHERE content_type = 'application/pdf'"))
                    .isEqualTo(1);
        }
    }
}
