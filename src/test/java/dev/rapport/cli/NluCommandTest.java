package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NluCommandTest {

    private static final String TINY = "src/test/resources/nlu/tiny";

    @TempDir
    static Path cacheDir; // shared, so only the first command trains

    private record Run(int exitCode, String out, String err) {}

    private Run run(String stdin, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream rawOut = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(rawOut, true, StandardCharsets.UTF_8));
            CommandLine commandLine = new CommandLine(new NluCommand());
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(args);
            return new Run(exitCode, rawOut.toString(StandardCharsets.UTF_8) + out, err.toString());
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
    }

    @Test
    void predictWritesOneJsonObjectPerInputLine() throws Exception {
        Run run = run(
                "where is my order\n我要退款\n\n😡\n", "predict", "--nlu-dir", TINY, "--cache-dir", cacheDir.toString());

        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(4);
        ObjectMapper json = dev.rapport.store.Json.mapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.fieldNames())
                .toIterable()
                .containsExactly("text", "language", "intent", "intentConfidence", "sentiment", "sentimentScore");
        assertThat(first.get("text").asText()).isEqualTo("where is my order");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(first.get("intent").asText()).isEqualTo("order_status");
        JsonNode chinese = json.readTree(lines[1]);
        assertThat(chinese.get("text").asText()).isEqualTo("我要退款");
        assertThat(chinese.get("language").asText()).isEqualTo("zh");
        assertThat(chinese.get("intent").asText()).isEqualTo("refund");
        assertThat(json.readTree(lines[2]).get("intent").asText()).isEqualTo("unknown");
        assertThat(json.readTree(lines[3]).get("sentiment").asText()).isEqualTo("negative");
    }

    @Test
    void predictCanForceTheLanguage() throws Exception {
        Run run = run("ok\n", "predict", "--language", "zh", "--nlu-dir", TINY, "--cache-dir", cacheDir.toString());
        assertThat(dev.rapport.store.Json.read(run.out().strip())
                        .get("language")
                        .asText())
                .isEqualTo("zh");
    }

    @Test
    void evalPrintsTheReportWithTheHeadlineFigure() {
        Run intents = run(
                "", "eval", "--data", TINY + "/en/intents.tsv", "--nlu-dir", TINY, "--cache-dir", cacheDir.toString());
        assertThat(intents.exitCode()).isZero();
        assertThat(intents.out()).contains("task: intent", "accuracy:", "confusion matrix", "complaint-vs-rest F1:");

        Run sentiment = run(
                "",
                "eval",
                "--data",
                TINY + "/zh/sentiment.tsv",
                "--language",
                "zh",
                "--nlu-dir",
                TINY,
                "--cache-dir",
                cacheDir.toString());
        assertThat(sentiment.exitCode()).isZero();
        assertThat(sentiment.out()).contains("task: sentiment", "language: zh (forced)", "polarity accuracy");
    }

    @Test
    void evalSaysWhatIsWrongWithTheData() {
        Run run = run("", "eval", "--data", "no/such/file.tsv", "--nlu-dir", TINY, "--cache-dir", cacheDir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no/such/file.tsv does not exist");
    }

    @Test
    void trainSaysWhereTheModelsWentAndHowLongItTook() {
        Run run = run("", "train", "--nlu-dir", TINY, "--cache-dir", cacheDir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "Trained from 72 examples",
                        "en/intents.tsv",
                        cacheDir.toAbsolutePath().toString(),
                        " s ");
    }

    @Test
    void trainSaysItInChineseWithLangZh() {
        Run run = run("", "train", "--nlu-dir", TINY, "--cache-dir", cacheDir.toString(), "--lang", "zh");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("已用 72 条样例训练", "en/intents.tsv", "模型已写入 ", " 秒（训练数据 sha256 ");
    }

    @Test
    void defaultCacheDirFollowsRapportDataDir() {
        assertThat(NluLocations.defaultCacheDir(Map.of())).isEqualTo(Path.of("data", "nlu"));
        assertThat(NluLocations.defaultCacheDir(Map.of("RAPPORT_DATA_DIR", "/var/lib/rapport")))
                .isEqualTo(Path.of("/var/lib/rapport", "nlu"));
    }
}
