package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.channel.telegram.FakeTelegramApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rapport webhook set | info | delete} against the fake Telegram Bot API, in English and Chinese. */
class WebhookCommandTest {

    @TempDir
    Path dir;

    private final FakeTelegramApi telegram = new FakeTelegramApi().start();

    @AfterEach
    void stop() {
        telegram.close();
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path config(String token) throws Exception {
        Path config = dir.resolve("rapport.yaml");
        Files.writeString(
                config,
                Files.readString(Path.of("config/rapport.yaml"))
                        .replace("bot_token: \"\"", "bot_token: \"" + token + "\"")
                        .replace("webhook_secret: \"\"", "webhook_secret: \"s3cret\"")
                        .replace("api_url: https://api.telegram.org", "api_url: " + telegram.baseUrl())
                        .replace("public_url: \"\"", "public_url: \"https://rapport.example\""));
        return config;
    }

    @Test
    void setInfoAndDeleteSpeakEnglishOrChinese() throws Exception {
        String config = config(FakeTelegramApi.TOKEN).toString();
        CliRun set = run("webhook", "set", "--config", config, "--lang", "en");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("Webhook set to https://rapport.example/telegram/webhook, for updates: message");

        CliRun setZh = run("webhook", "set", "--config", config, "--lang", "zh");
        assertThat(setZh.out()).contains("Webhook 已设置为 https://rapport.example/telegram/webhook，接收的更新类型：message");
        assertThat(run("webhook", "info", "--config", config, "--lang", "zh").out())
                .contains("地址：https://rapport.example/telegram/webhook", "待处理的更新：0");
        assertThat(run("webhook", "info", "--config", config, "--lang", "en").out())
                .contains("url: https://rapport.example/telegram/webhook", "pending updates: 0");
        assertThat(run("webhook", "delete", "--config", config, "--lang", "zh").out())
                .contains("Webhook 已删除。");
        assertThat(run("webhook", "delete", "--config", config, "--lang", "en").out())
                .contains("Webhook deleted.");
    }

    @Test
    void withoutATokenItSaysWhichSettingIsEmpty() throws Exception {
        String config = config("").toString();
        assertThat(run("webhook", "delete", "--config", config, "--lang", "zh").err())
                .contains("Rapport 无法启动：", "设置项 telegram.bot_token（环境变量 TELEGRAM_BOT_TOKEN）为空");
        assertThat(run("webhook", "delete", "--config", config, "--lang", "en").err())
                .contains(
                        "Rapport cannot start:",
                        "Setting telegram.bot_token (environment TELEGRAM_BOT_TOKEN) is empty");
    }
}
