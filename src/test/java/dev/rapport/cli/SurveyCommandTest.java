package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import dev.rapport.survey.FixedAnswers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rapport survey send | results | export} as an operator runs them, against a real database. */
class SurveyCommandTest {

    @TempDir
    static Path dir;

    static Path config;
    static Database database;

    @BeforeAll
    static void databaseWithAnswers() throws Exception {
        String url = TestDatabase.freshUnmigratedUrl();
        config = dir.resolve("rapport.yaml");
        Files.writeString(
                config,
                Files.readString(Path.of("config/rapport.yaml"))
                        .replace("database_url: \"\"", "database_url: \"" + url + "\"")
                        .replace(
                                "conversations_dir: ./conversations",
                                "conversations_dir: " + Path.of("conversations").toAbsolutePath()));
        CliRun migrate = run("migrate", "--config", config.toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        database = Database.connect(url, 2);
        database.jdbi().useHandle(handle -> {
            handle.execute(FixedAnswers.SQL);
            handle.execute("INSERT INTO customers (id, name, tier) VALUES (7, 'Ana', 'major'), (8, 'Bo', 'major')");
            handle.execute("""
                    INSERT INTO channel_accounts (channel, chat_key, customer_id) VALUES
                        ('telegram', '7', 7), ('telegram', '8', 8), ('telegram', '3', 3)""");
            handle.execute("UPDATE customers SET opted_out_at = now() WHERE id = 8");
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void resultsPrintTheFiguresByTier() {
        CliRun run = run(
                "survey",
                "results",
                "--config",
                config.toString(),
                "--survey",
                "feedback",
                "--since",
                java.time.LocalDate.now().minusDays(30).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Survey feedback, responses since")
                .containsPattern("\\s+all\\s+key\\s+major\\s+ordinary\\s+small")
                .containsPattern("response rate\\s+50\\.0%")
                .containsPattern("NPS\\s+\\+25\\.0")
                .containsPattern("CSAT 3\\s+1\\s+0\\s+0\\s+0\\s+1");
    }

    @Test
    void exportWritesEveryAnswerAsCsv() throws Exception {
        Path file = dir.resolve("answers.csv");
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE survey_answers SET value = ? " + "WHERE response_id = 1 AND question_id = 'comment'",
                        "=2+5+cmd|' /C calc'!A0"));
        CliRun run = run(
                "survey",
                "export",
                "--config",
                config.toString(),
                "--survey",
                "feedback",
                "--format",
                "csv",
                "--output",
                file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote 16 answers to");
        assertThat(Files.readAllLines(file))
                .hasSize(17)
                .first()
                .asString()
                .startsWith("\uFEFFresponse_id,survey,trigger");
        assertThat(Files.readString(file)).contains("'=2+5+cmd|' /C calc'!A0").doesNotContain(",=2+5");
        assertThat(run("survey", "export", "--config", config.toString(), "--survey", "feedback", "--format", "xml")
                        .err())
                .contains("Unknown format 'xml'; expected csv");
    }

    @Test
    void exportAndListSpeakChineseWithLangZh() {
        Path file = dir.resolve("answers-zh.csv");
        CliRun run = run(
                "survey",
                "export",
                "--config",
                config.toString(),
                "--survey",
                "feedback",
                "--lang",
                "zh",
                "--output",
                file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("已将 \\d+ 条回答写入 ");
        assertThat(run("survey", "export", "--config", config.toString(), "--survey", "nope", "--lang", "zh")
                        .err())
                .contains("没有问卷“nope”；现有问卷：complaint_followup, feedback");
        assertThat(run("survey", "list", "--config", config.toString(), "--lang", "zh")
                        .out())
                .contains("complaint_followup  （2 个问题：csat, comment）");
        CliRun unwritable = run(
                "survey",
                "export",
                "--config",
                config.toString(),
                "--survey",
                "feedback",
                "--lang",
                "zh",
                "--output",
                dir.resolve("no/such/dir/answers.csv").toString());
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(unwritable.err()).contains("无法写入 ");
    }

    @Test
    void aDryRunPrintsWhoWouldBeInvitedAndSendsNothing() {
        CliRun run = run(
                "survey",
                "send",
                "--config",
                config.toString(),
                "--survey",
                "feedback",
                "--tier",
                "major",
                "--campaign",
                "trial",
                "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Campaign trial: 1 to invite", "Dry run: nothing sent.")
                .containsPattern("invite\\s+#7 Ana\\s+major\\s+en\\n")
                .containsPattern("skip\\s+#8 Bo\\s+major\\s+\\w+\\s+opted out");
        long queued = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM inbound_updates")
                        .mapTo(Long.class)
                        .one());
        assertThat(queued).isZero();
        assertThat(run("survey", "send", "--config", config.toString(), "--survey", "nope", "--dry-run")
                        .err())
                .contains("unknown survey 'nope'; surveys: complaint_followup, feedback");
    }

    @Test
    void surveysAreListedAndAnUnknownOneIsAnError() {
        CliRun list = run("survey", "list", "--config", config.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .contains(
                        "complaint_followup  (2 questions: csat, comment)",
                        "feedback  (6 questions: csat, nps, ces, topic, liked, comment)");

        CliRun results = run("survey", "results", "--config", config.toString(), "--survey", "nope");
        assertThat(results.exitCode()).isEqualTo(2);
        assertThat(results.err()).contains("unknown survey 'nope'; surveys: complaint_followup, feedback");
        assertThat(run("survey", "export", "--config", config.toString(), "--survey", "nope")
                        .exitCode())
                .isEqualTo(2);
    }
}
