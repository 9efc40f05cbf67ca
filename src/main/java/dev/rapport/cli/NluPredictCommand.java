package dev.rapport.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.nlu.LanguagePrior;
import dev.rapport.nlu.Nlu;
import dev.rapport.nlu.NluException;
import dev.rapport.nlu.Understanding;
import dev.rapport.store.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rapport nlu predict}: one message per line on stdin, one JSON object per line on stdout,
 * both UTF-8. Status goes to stderr so stdout can be piped into other tools.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description =
                "Reads one message per line from stdin and writes its language, intent and sentiment as one JSON object per line.")
final class NluPredictCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = Json.mapper();

    @Mixin
    NluLocations locations;

    @Mixin
    LangOption lang;

    @Option(names = "--language", paramLabel = "en|zh", description = "Skip language detection and use this language.")
    String language;

    @Override
    public Integer call() throws IOException {
        var labels = lang.labels();
        if (language != null && !language.equals("en") && !language.equals("zh")) {
            System.err.println(labels.get("nlu.predict.wrong_language", language));
            return 2;
        }
        Nlu nlu;
        try {
            nlu = Nlu.load(locations.nluDir, locations.cacheDir());
        } catch (NluException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        var report = nlu.loadReport();
        System.err.println(labels.get(
                report.trained() ? "nlu.predict.ready_trained" : "nlu.predict.ready_loaded",
                report.duration().toMillis(),
                report.cacheDir()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            out.write(JSON.writeValueAsString(toJson(line, nlu.understand(line, LanguagePrior.none(), language))));
            out.write('\n');
            if (!in.ready()) {
                out.flush(); // answer an interactive user at once, batch when input is piped
            }
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(String text, Understanding understanding) {
        ObjectNode node = JSON.createObjectNode();
        node.put("text", text);
        node.put("language", understanding.language());
        node.put("intent", understanding.intent().label());
        node.put("intentConfidence", round(understanding.intentConfidence()));
        node.put("sentiment", understanding.sentiment().label());
        node.put("sentimentScore", round(understanding.sentimentScore()));
        return node;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
