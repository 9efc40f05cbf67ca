package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.channel.webchat.WebchatRetention;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Web chat sessions are not kept forever: one that never became a chat goes after a day, and every
 * one goes once the browser has dropped its cookie (a year); a chat's own session stays until then.
 */
class WebchatRetentionIT {

    @Test
    void sessionsThatNeverBecameAChatGoAfterADayAndEveryOneAfterTheCookiesYear() throws Exception {
        try (var rapport = RunningRapport.start()) {
            var talker = WebchatBrowser.open(rapport.url(""));
            var lurker = WebchatBrowser.open(rapport.url(""));
            var newLurker = WebchatBrowser.open(rapport.url(""));
            var yearOld = WebchatBrowser.open(rapport.url(""));
            for (var browser : new WebchatBrowser[] {talker, yearOld}) {
                assertThat(browser.say("hello").statusCode()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> rapport.count(
                                        "SELECT count(*) FROM channel_accounts WHERE channel = 'webchat' AND chat_key = ?",
                                        key(browser))
                                == 1);
            }
            age(rapport, talker, "2 days");
            age(rapport, lurker, "2 days");
            age(rapport, newLurker, "23 hours");
            age(rapport, yearOld, "366 days");

            rapport.runJob(WebchatRetention.JOB);

            assertThat(sessions(rapport, talker)).as("a chat's session").isOne();
            assertThat(sessions(rapport, newLurker))
                    .as("unused for less than a day")
                    .isOne();
            assertThat(sessions(rapport, lurker))
                    .as("never a chat, older than a day")
                    .isZero();
            assertThat(sessions(rapport, yearOld)).as("older than the cookie").isZero();
            assertThat(lurker.say("hello").statusCode()).isEqualTo(401); // no longer a session
            assertThat(talker.say("still here").statusCode()).isEqualTo(202);
            // The year-old chat itself (its account and messages) stays; only the session went.
            assertThat(rapport.count(
                            "SELECT count(*) FROM channel_accounts WHERE channel = 'webchat' AND chat_key = ?",
                            key(yearOld)))
                    .isOne();

            rapport.runJob(WebchatRetention.JOB); // idempotent
            assertThat(rapport.count("SELECT count(*) FROM webchat_sessions")).isEqualTo(2);
        }
    }

    private static void age(RunningRapport rapport, WebchatBrowser browser, String by) {
        rapport.database
                .jdbi()
                .useHandle(handle -> handle.createUpdate(
                                "UPDATE webchat_sessions SET created_at = created_at - CAST(:by AS interval) WHERE chat_key = :key")
                        .bind("by", by)
                        .bind("key", key(browser))
                        .execute());
    }

    private static long sessions(RunningRapport rapport, WebchatBrowser browser) {
        return rapport.count("SELECT count(*) FROM webchat_sessions WHERE chat_key = ?", key(browser));
    }

    /** The chat key the server keeps for a browser's cookie: the first 128 bits of its SHA-256, in hex. */
    private static String key(WebchatBrowser browser) {
        String token = browser.cookie.substring(browser.cookie.indexOf('=') + 1);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
