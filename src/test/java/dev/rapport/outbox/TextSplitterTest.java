package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void aShortTextIsOnePart() {
        assertThat(TextSplitter.split("hello", 4096)).containsExactly("hello");
        String exactly = "x".repeat(4096);
        assertThat(TextSplitter.split(exactly, 4096)).containsExactly(exactly);
    }

    @Test
    void aTenThousandCharacterTextIsSplitInOrderWithinTheLimit() {
        String text = prose(10_000, new Random(7));

        List<String> parts = TextSplitter.split(text, 4096);

        assertThat(parts).hasSizeGreaterThanOrEqualTo(3).allSatisfy(part -> {
            assertThat(part.length()).isBetween(1, 4096);
            assertThat(part).doesNotStartWith(" ").doesNotEndWith(" ");
        });
        assertRejoins(text, parts);
    }

    @Test
    void paragraphBreaksAreTheFirstChoice() {
        String first = "a".repeat(3000);
        String second = "b ".repeat(1000) + "\n" + "c".repeat(500);
        List<String> parts = TextSplitter.split(first + "\n\n" + second, 4096);

        assertThat(parts).containsExactly(first, second);
    }

    @Test
    void lineBreaksComeBeforeSpaces() {
        String first = "word ".repeat(500) + "end";
        String second = "z ".repeat(1000);
        List<String> parts = TextSplitter.split(first + "\n" + second, 4096);

        assertThat(parts.get(0)).isEqualTo(first);
    }

    @Test
    void aTextWithoutWhitespaceIsCutHardButNeverInsideASurrogatePair() {
        String emoji = "😀"; // two UTF-16 units
        String text = "a" + emoji.repeat(3000); // the 4096th unit is the first half of a pair

        List<String> parts = TextSplitter.split(text, 4096);

        assertThat(String.join("", parts)).isEqualTo(text);
        for (String part : parts) {
            assertThat(part.length()).isLessThanOrEqualTo(4096);
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1)))
                    .isFalse();
        }
    }

    /** The parts, in order, with only whitespace between them, make the original text. */
    static void assertRejoins(String text, List<String> parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertThat(found)
                    .as("part starting %s…", part.substring(0, Math.min(20, part.length())))
                    .isGreaterThanOrEqualTo(at);
            assertThat(text.substring(at, found)).isBlank();
            at = found + part.length();
        }
        assertThat(text.substring(at)).isBlank();
    }

    static String prose(int length, Random random) {
        var text = new StringBuilder();
        while (text.length() < length) {
            int words = 5 + random.nextInt(40);
            for (int i = 0; i < words; i++) {
                text.append("word").append(random.nextInt(1000)).append(' ');
            }
            text.append(random.nextInt(3) == 0 ? "\n\n" : random.nextBoolean() ? "\n" : ". ");
        }
        return text.substring(0, length);
    }
}
