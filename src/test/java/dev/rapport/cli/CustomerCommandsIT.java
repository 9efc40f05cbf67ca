package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The customers, purchases and tiers commands, run as an operator runs them, on a real database. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerCommandsIT {

    @TempDir
    static Path dir;

    static Path config;
    static Path tiersConfig;
    static String url;

    @BeforeAll
    static void configure() throws Exception {
        url = TestDatabase.freshUnmigratedUrl();
        config = dir.resolve("rapport.yaml");
        Files.writeString(
                config,
                Files.readString(Path.of("config/rapport.yaml"))
                        .replace("database_url: \"\"", "database_url: \"" + url + "\""));
        tiersConfig = dir.resolve("tiers.yaml");
        Files.writeString(tiersConfig, "customers: {bot_username: rapport_demo_bot, default_country_code: 86}\n");
    }

    @AfterAll
    static void done() {
        // the database is dropped with the test server
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static long count(String sql) {
        try (var database = Database.connect(url, 1)) {
            return database.jdbi()
                    .withHandle(
                            handle -> handle.createQuery(sql).mapTo(Long.class).one());
        }
    }

    @Test
    @Order(0)
    void migrateSaysTheDatabaseIsUpToDateInTheGivenLanguage() {
        var english = run("migrate", "--config", config.toString(), "--lang", "en");
        assertThat(english.exitCode()).as(english.err()).isZero();
        assertThat(english.out()).contains("Database is up to date.");
        var chinese = run("migrate", "--config", config.toString(), "--lang", "zh");
        assertThat(chinese.exitCode()).as(chinese.err()).isZero();
        assertThat(chinese.out()).contains("数据库已是最新版本。");
    }

    @Test
    @Order(1)
    void importsReportWhatTheyDidAndWhichRowsTheyRejected() throws Exception {
        Path customers = Files.writeString(
                dir.resolve("customers.csv"), "external_id,name,phone\nC-1,Ada,13800000001\nC-2,Bo,nope\nC-3,Cy,\n");
        var run = run(
                "customers",
                "import",
                "--config",
                config.toString(),
                "--tiers-config",
                tiersConfig.toString(),
                "--by",
                "ops@shop",
                "--progress",
                customers.toString());
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);
        assertThat(run.out())
                .contains("customers: 3 rows read: 2 created, 0 updated, 0 unchanged, 1 rejected")
                .contains("line 3, column phone: 'nope' is not a phone number");
        assertThat(run.err()).as("the progress bar").contains("100%");

        Path again = Files.writeString(
                dir.resolve("customers-again.csv"),
                "external_id,name,phone\nC-1,Ada,13800000001\nC-2,Bo,nope\nC-3,Cy,\nC-4\n");
        var chinese = run(
                "customers",
                "import",
                "--config",
                config.toString(),
                "--tiers-config",
                tiersConfig.toString(),
                "--lang",
                "zh",
                again.toString());
        assertThat(chinese.exitCode()).as(chinese.err() + chinese.out()).isEqualTo(1);
        assertThat(chinese.out())
                .contains("客户：共读取 4 行，新增 0 行，更新 0 行，无变化 2 行，拒绝 2 行（用时 ")
                .contains("第 3 行，phone 列：“nope”不是电话号码；")
                .contains("第 5 行：应有 3 个值（external_id,name,phone），实际有 1 个");

        Path purchases = Files.writeString(
                dir.resolve("purchases.csv"),
                "external_id,customer_external_id,amount,purchased_at\nP-1,C-1,500,2099-01-01\nP-2,C-3,20,"
                        + java.time.LocalDate.now().minusDays(3) + "\n");
        var bought = run("purchases", "import", "--config", config.toString(), purchases.toString());
        assertThat(bought.out())
                .contains("1 created")
                .contains("line 2, column purchased_at")
                .contains("in the future");

        var header = run("purchases", "import", "--config", config.toString(), customers.toString());
        assertThat(header.exitCode()).isEqualTo(2);
        assertThat(header.err()).contains("Nothing imported").contains("line 1: unknown column 'name'");
        var headerZh = run("purchases", "import", "--config", config.toString(), "--lang", "zh", customers.toString());
        assertThat(headerZh.exitCode()).isEqualTo(2);
        assertThat(headerZh.err()).contains("未导入任何数据：" + customers + "：第 1 行：未知的列“name”；应为 ");
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor = 'ops@shop' AND action = 'customers.import'"))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void tiersAreRecomputedAndSummarised() {
        var recompute =
                run("tiers", "recompute", "--config", config.toString(), "--tiers-config", tiersConfig.toString());
        assertThat(recompute.exitCode()).isZero();
        assertThat(recompute.out()).contains("2 customers, 1 with purchases in the last 12 months; 1 changed tier");
        var summary = run("tiers", "summary", "--config", config.toString(), "--tiers-config", tiersConfig.toString());
        assertThat(summary.out()).containsPattern("key\\s+1\\s+20.00\\s+20.00").containsPattern("small\\s+1\\s+0");
    }

    @Test
    @Order(3)
    void aLinkExportAndErasureAreAuditedUnderTheGivenName() throws Exception {
        var link = run(
                "customers",
                "link",
                "--config",
                config.toString(),
                "--tiers-config",
                tiersConfig.toString(),
                "--by",
                "agent-7",
                "C-1");
        assertThat(link.exitCode()).isZero();
        assertThat(link.out().strip()).matches("https://t\\.me/rapport_demo_bot\\?start=[A-Za-z0-9_-]{43}");
        assertThat(link.err()).contains("Works once, for ");
        var linkZh = run(
                "customers",
                "link",
                "--config",
                config.toString(),
                "--tiers-config",
                tiersConfig.toString(),
                "--lang",
                "zh",
                "C-1");
        assertThat(linkZh.out().strip()).as("the link itself is for scripts").startsWith("https://t.me/");
        assertThat(linkZh.err()).contains("此链接仅可使用一次，").contains("小时内有效。");

        long id = count("SELECT id FROM customers WHERE external_id = 'C-1'");

        Path exported = dir.resolve("c1.json");
        var export = run(
                "customers", "export", "--config", config.toString(), "--by", "dpo", "-o", exported.toString(), "C-1");
        assertThat(export.exitCode()).isZero();
        assertThat(export.err()).contains("Customer " + id + " exported to " + exported);
        assertThat(Files.readString(exported))
                .contains("\"name\" : \"Ada\"")
                .contains("\"phone\" : \"+8613800000001\"")
                .contains("\"link_tokens\"");
        Path exportedZh = dir.resolve("c1-zh.json");
        var exportZh = run(
                "customers",
                "export",
                "--config",
                config.toString(),
                "--lang",
                "zh",
                "-o",
                exportedZh.toString(),
                "C-1");
        assertThat(exportZh.exitCode()).isZero();
        assertThat(exportZh.err()).contains("已将客户 " + id + " 的数据导出到 " + exportedZh);
        assertThat(Files.readString(exportedZh)).as("the document stays JSON").contains("\"name\" : \"Ada\"");

        var unconfirmed = run("customers", "erase", "--config", config.toString(), "C-1");
        assertThat(unconfirmed.exitCode()).as("erasing needs --yes").isEqualTo(2);
        assertThat(unconfirmed.err()).contains("Erasing cannot be undone; run again with --yes to erase customer C-1");
        var unconfirmedZh = run("customers", "erase", "--config", config.toString(), "--lang", "zh", "C-1");
        assertThat(unconfirmedZh.exitCode()).isEqualTo(2);
        assertThat(unconfirmedZh.err()).contains("数据清除后无法恢复。如确定要清除客户 C-1 的数据，请加上 --yes 重新运行。");
        var erase =
                run("customers", "erase", "--config", config.toString(), "--by", "dpo", "--lang", "zh", "--yes", "C-1");
        assertThat(erase.exitCode()).isZero();
        assertThat(erase.out()).contains("已清除客户 " + id + " 的个人数据：共处理 0 个会话、0 条消息文本、");
        assertThat(count("SELECT count(*) FROM customers WHERE name = 'Ada'")).isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_log WHERE actor = 'dpo' AND action IN ('customers.export', 'customers.erase')"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor = 'agent-7' AND action = 'customers.link'"))
                .isEqualTo(1);

        var unknown = run("customers", "export", "--config", config.toString(), "C-404");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("No customer with external id or id 'C-404'");
        var unknownZh = run("customers", "erase", "--config", config.toString(), "--lang", "zh", "--yes", "C-404");
        assertThat(unknownZh.exitCode()).isEqualTo(2);
        assertThat(unknownZh.err()).contains("找不到外部编号或 ID 为“C-404”的客户");
    }
}
