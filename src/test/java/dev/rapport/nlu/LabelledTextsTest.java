package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTextsTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("intents.tsv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsLabelAndTextSkippingCommentsAndBlankLines() throws IOException {
        Path file = write("\uFEFF# comment\n\ncomplaint\tcold food\ttoo late\r\n  \nrefund\t 我要退款 \n");
        var examples = LabelledTexts.read(file, Task.INTENT);
        assertThat(examples).extracting(LabelledText::label).containsExactly("complaint", "refund");
        assertThat(examples).extracting(LabelledText::text).containsExactly("cold food\ttoo late", "我要退款");
        assertThat(examples.get(1).source()).isEqualTo(file + ":5");
    }

    @Test
    void namesFileAndLineOfAnUnknownLabel() throws IOException {
        Path file = write("complaint\tcold\nangry\tso late\n");
        assertThatThrownBy(() -> LabelledTexts.read(file, Task.INTENT))
                .isInstanceOf(NluException.class)
                .hasMessageContaining(file + ":2")
                .hasMessageContaining("\"angry\"")
                .hasMessageContaining("greeting");
    }

    @Test
    void namesFileAndLineOfALineWithoutTabOrText() throws IOException {
        assertThatThrownBy(() -> LabelledTexts.read(write("positive great\n"), Task.SENTIMENT))
                .hasMessageContaining(":1: no tab");
        assertThatThrownBy(() -> LabelledTexts.read(write("positive\tgreat\nnegative\t \n"), Task.SENTIMENT))
                .hasMessageContaining(":2: the text after the tab is empty");
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> LabelledTexts.read(dir.resolve("absent.tsv"), Task.INTENT))
                .isInstanceOf(NluException.class)
                .hasMessageContaining("absent.tsv does not exist");
    }
}
