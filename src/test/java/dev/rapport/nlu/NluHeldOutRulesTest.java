package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the held-out sets honest: they must be written in another style, by another rule, than
 * the training data, or their figures flatter the models. Posts open with a support account's
 * {@code @handle} and no training line does; reviews are long (25+ words, 40+ Chinese characters)
 * where training lines are chat-length; no held-out text is also a training text. A missing
 * held-out file fails here rather than being skipped.
 */
class NluHeldOutRulesTest {

    static final Path NLU_DIR = Path.of("conversations/nlu");
    static final Path HELD_OUT = Path.of("src/test/resources/nlu/heldout");
    static final List<String> REVIEWS = List.of("en-reviews-sentiment.tsv", "zh-reviews-sentiment.tsv");
    static final List<String> POSTS =
            List.of("en-posts-intents.tsv", "en-posts-sentiment.tsv", "zh-posts-intents.tsv", "zh-posts-sentiment.tsv");

    @Test
    void everyHeldOutFileIsThere() {
        for (String name : Stream.concat(REVIEWS.stream(), POSTS.stream()).toList()) {
            assertThat(HELD_OUT.resolve(name))
                    .as("held-out file the evaluation needs; restore it from git")
                    .isRegularFile();
        }
    }

    @Test
    void postsOpenWithAnAccountHandleAndNoTrainingLineDoes() {
        for (String name : POSTS) {
            for (LabelledText example : read(HELD_OUT.resolve(name))) {
                assertThat(example.text()).as(example.source()).matches("@\\S+\\s.+");
            }
        }
        for (LabelledText example : training()) {
            assertThat(example.text()).as(example.source()).doesNotStartWith("@");
        }
    }

    @Test
    void reviewsAreLongAndTrainingLinesAreChatLength() {
        for (String name : REVIEWS) {
            for (LabelledText example : read(HELD_OUT.resolve(name))) {
                assertThat(isLong(example.text(), name.startsWith("zh")))
                        .as(example.source())
                        .isTrue();
            }
        }
        List<LabelledText> training = training();
        long longLines = training.stream()
                .filter(example -> isLong(example.text(), example.source().contains("/zh/")))
                .count();
        // The shipped files hold a few dozen long letters to the company; everything else is chat.
        assertThat((double) longLines / training.size())
                .as("share of review-length training lines")
                .isLessThan(0.02);
    }

    @Test
    void noHeldOutTextIsATrainingText() {
        Set<String> trained = new HashSet<>();
        training().forEach(example -> trained.add(example.text().toLowerCase(Locale.ROOT)));
        for (String name : Stream.concat(REVIEWS.stream(), POSTS.stream()).toList()) {
            for (LabelledText example : read(HELD_OUT.resolve(name))) {
                assertThat(trained)
                        .as(example.source())
                        .doesNotContain(example.text().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static boolean isLong(String text, boolean chinese) {
        return chinese ? text.codePointCount(0, text.length()) >= 40 : text.split("\\s+").length >= 25;
    }

    private static List<LabelledText> read(Path file) {
        return LabelledTexts.read(
                file, file.getFileName().toString().contains("sentiment") ? Task.SENTIMENT : Task.INTENT);
    }

    private static List<LabelledText> training() {
        List<LabelledText> examples = new ArrayList<>();
        TrainingData data = new TrainingData(NLU_DIR);
        for (String language : TrainingData.LANGUAGES) {
            for (Task task : Task.values()) {
                examples.addAll(data.read(language, task));
            }
        }
        return examples;
    }
}
