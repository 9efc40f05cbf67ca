package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final Path SHIPPED = Path.of("config/rapport.yaml");

    @Test
    void theShippedFileRunsWithoutAnyEnvironment() {
        RapportConfig config = ConfigLoader.load(SHIPPED, Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.telegram().enabled()).isFalse();
        assertThat(config.telegram().apiUrl().toString()).isEqualTo("https://api.telegram.org");
        assertThat(config.outbox().globalPerSecond()).isEqualTo(30.0);
    }

    @Test
    void theEnvironmentOverridesTheFile() {
        RapportConfig config = ConfigLoader.load(
                SHIPPED,
                Map.of(
                        "PORT",
                        "9090",
                        "RATE_GLOBAL",
                        "12.5",
                        "RAPPORT_INBOX_WORKERS",
                        "3",
                        "TELEGRAM_API_URL",
                        "http://127.0.0.1:1234"));
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.outbox().globalPerSecond()).isEqualTo(12.5);
        assertThat(config.inbox().workers()).isEqualTo(3);
        assertThat(config.telegram().apiUrl().getPort()).isEqualTo(1234);
    }

    @Test
    void theStaffGroupIsOffUntilItsIdIsSet() {
        assertThat(ConfigLoader.load(SHIPPED, Map.of()).telegram().staffGroup().enabled())
                .isFalse();
        var group = ConfigLoader.load(SHIPPED, Map.of("TELEGRAM_STAFF_GROUP_ID", "-1001234567890"))
                .telegram()
                .staffGroup();
        assertThat(group.enabled()).isTrue();
        assertThat(group.limit()).isEqualTo(20);
        assertThat(group.window()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("TELEGRAM_STAFF_GROUP_ID", "1234567890")))
                .hasMessageContaining("telegram.staff_group_id")
                .hasMessageContaining("TELEGRAM_STAFF_GROUP_ID")
                .hasMessageContaining("starts with -100");
    }

    @Test
    void aWrongValueNamesTheSettingTheValueAndWhatIsExpected() {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Setting port (environment PORT) is 'eighty': expected a whole number from 0 to 65535");
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("TELEGRAM_API_URL", "api.telegram.org")))
                .hasMessageContaining("telegram.api_url")
                .hasMessageContaining("TELEGRAM_API_URL")
                .hasMessageContaining("'api.telegram.org'")
                .hasMessageContaining("expected an http:// or https:// URL");
    }

    @Test
    void aBotTokenRequiresAWebhookSecretTelegramAccepts() {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("TELEGRAM_BOT_TOKEN", "123:abc")))
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> ConfigLoader.load(
                        SHIPPED, Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_WEBHOOK_SECRET", "has spaces!")))
                .hasMessageContaining("A-Z a-z 0-9 _ -");
        assertThat(ConfigLoader.load(
                                SHIPPED,
                                Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_WEBHOOK_SECRET", "s3cret_-X"))
                        .telegram()
                        .enabled())
                .isTrue();
    }

    @Test
    void thePublicUrlMustBeHttps() {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("PUBLIC_URL", "http://bot.example.com")))
                .hasMessageContaining("PUBLIC_URL")
                .hasMessageContaining("https://");
    }

    @Test
    void databaseUrlsInBothFormsBecomeJdbc() {
        var url = DatabaseUrl.parse("postgres://rapport:p%40ss@db.example.com:6543/crm?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/crm?sslmode=require");
        assertThat(url.user()).isEqualTo("rapport");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.redacted()).doesNotContain("p@ss");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/crm").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/crm");
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("DATABASE_URL", "mysql://root:secret@h/db")))
                .hasMessageContaining("DATABASE_URL")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aMissingSettingsFileSaysWhereItWasLookedFor(@TempDir Path directory) {
        assertThatThrownBy(() -> ConfigLoader.load(directory.resolve("nowhere.yaml"), Map.of()))
                .hasMessageContaining("nowhere.yaml")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("--config");
    }

    @Test
    void aSettingsFileThatIsNotYamlIsReportedWithItsPath(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("rapport.yaml");
        Files.writeString(file, "port: [unclosed");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).hasMessageContaining(file.toString());
    }

    @Test
    void aWrongValueInTheFileNamesLineAndColumn(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("rapport.yaml");
        Files.writeString(file, Files.readString(SHIPPED).replace("  workers: 2 ", "  workers: lots"));
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageEndingWith(":12: Setting inbox.workers (environment RAPPORT_INBOX_WORKERS) is 'lots': "
                        + "expected a whole number from 1 to 64");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("RAPPORT_INBOX_WORKERS", "many")))
                .hasMessageStartingWith("Setting inbox.workers (environment RAPPORT_INBOX_WORKERS) is 'many'");
    }

    @Test
    void anUnknownSettingInTheFileNamesLineAndColumn(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("rapport.yaml");
        Files.writeString(file, Files.readString(SHIPPED).replace("  workers: 2", "  workers: 2\n  wrokers: 3"));
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching(
                        "\\Q" + file + "\\E:\\d+:3: inbox.wrokers: unknown setting; known here: .*, workers");
    }
}
