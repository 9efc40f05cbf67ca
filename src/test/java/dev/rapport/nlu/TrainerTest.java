package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    @TempDir
    Path dir;

    @Test
    void sameExamplesGiveTheSameModelByteForByte() throws IOException {
        Path nluDir = TinyData.copyTo(dir.resolve("nlu"));
        Nlu.train(nluDir, dir.resolve("first"));
        Nlu.train(nluDir, dir.resolve("second"));
        for (String language : TrainingData.LANGUAGES) {
            for (Task task : Task.values()) {
                Path first = new ModelCache(dir.resolve("first")).modelFile(language, task);
                Path second = new ModelCache(dir.resolve("second")).modelFile(language, task);
                assertThat(Files.readAllBytes(second)).as(language + " " + task).isEqualTo(Files.readAllBytes(first));
            }
        }
    }

    @Test
    void featuresComputedOnceScoreExactlyLikeOpenNlpsCategorizer() {
        Categorizer model =
                Trainer.standard().train("en", LabelledTexts.read(TinyData.DIR.resolve("en/intents.tsv"), Task.INTENT));
        for (String text : List.of("where is my order?", "not impressed 😡", "我的order还没到", "refnud pls", "")) {
            String[] tokens = Trainer.tokens(text);
            assertThat(model.probabilitiesOfFeatures(ChatFeatures.extract(tokens)))
                    .as(text)
                    .containsExactly(model.probabilities(tokens));
        }
    }

    @Test
    void sentimentAlsoLearnsFromComplaintsAndPraise() {
        List<LabelledText> sentiment = List.of(
                new LabelledText("neutral", "where is my order", "s:1"),
                new LabelledText("negative", "cold food", "s:2"));
        List<LabelledText> intents = List.of(
                new LabelledText("complaint", "cold food", "i:1"),
                new LabelledText("complaint", "the driver was rude", "i:2"),
                new LabelledText("praise", "lovely staff", "i:3"),
                new LabelledText("refund", "money back please", "i:4"));

        List<LabelledText> examples = TrainingData.sentimentExamples(sentiment, intents);

        assertThat(examples)
                .extracting(LabelledText::label, LabelledText::text)
                .containsExactly(
                        Tuple.tuple("neutral", "where is my order"),
                        Tuple.tuple("negative", "cold food"),
                        Tuple.tuple("negative", "the driver was rude"),
                        Tuple.tuple("positive", "lovely staff"));
    }
}
