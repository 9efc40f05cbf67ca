package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A business adds its own examples as extra files beside the shipped ones. */
class TrainingDataTest {

    @TempDir
    Path dir;

    @Test
    void extraFilesOfATaskAreReadAfterTheMainFileInNameOrder() throws IOException {
        Path nluDir = TinyData.copyTo(dir.resolve("nlu"));
        TrainingData data = new TrainingData(nluDir);
        int shipped = data.read("en", Task.INTENT).size();
        Files.writeString(
                nluDir.resolve("en/intents-zshop.tsv"),
                "refund\tmoney back for the vase please\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                nluDir.resolve("en/intents-ashop.tsv"),
                "# ours\ncomplaint\tthe vase came chipped\n",
                StandardCharsets.UTF_8);
        Files.writeString(nluDir.resolve("en/intents.tsv.bak"), "not\tread\n", StandardCharsets.UTF_8);
        Files.writeString(
                nluDir.resolve("en/sentiment-ashop.tsv"), "negative\tthe vase came chipped\n", StandardCharsets.UTF_8);

        List<LabelledText> intents = data.read("en", Task.INTENT);

        assertThat(intents).hasSize(shipped + 2);
        assertThat(intents.subList(shipped, shipped + 2))
                .extracting(LabelledText::text)
                .containsExactly("the vase came chipped", "money back for the vase please");
        assertThat(intents.get(shipped).source()).endsWith("intents-ashop.tsv:2");
        assertThat(data.files("en", Task.SENTIMENT))
                .extracting(path -> path.getFileName().toString())
                .containsExactly("sentiment.tsv", "sentiment-ashop.tsv");
    }

    @Test
    void anExtraFileChangesTheTrainingHash() throws IOException {
        Path nluDir = TinyData.copyTo(dir.resolve("nlu"));
        TrainingData data = new TrainingData(nluDir);
        String before = data.hash();

        Files.writeString(nluDir.resolve("zh/sentiment-myshop.tsv"), "negative\t花瓶有个缺口\n", StandardCharsets.UTF_8);

        assertThat(data.hash()).isNotEqualTo(before);
    }
}
