package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatNormalizerTest {

    @Test
    void foldsWidthAndCase() {
        assertThat(ChatNormalizer.normalize("ＯＲＤＥＲ １２３！")).isEqualTo("order 123!");
        assertThat(ChatNormalizer.normalize("Where Is MY Order")).isEqualTo("where is my order");
    }

    @Test
    void removesZeroWidthBidiAndVariationCharacters() {
        assertThat(ChatNormalizer.normalize("re\u200Bfund\u200D")).isEqualTo("refund");
        assertThat(ChatNormalizer.normalize("\uFEFF\u200Fhello\u202E")).isEqualTo("hello");
        assertThat(ChatNormalizer.normalize("❤️")).isEqualTo("❤");
        assertThat(ChatNormalizer.normalize("👍🏽")).isEqualTo("👍");
    }

    @Test
    void turnsControlCharactersAndWhiteSpaceRunsIntoOneSpace() {
        assertThat(ChatNormalizer.normalize("  where\n\tis\u0000my\u0007 order \r\n"))
                .isEqualTo("where is my order");
    }

    @Test
    void cutsRepeatedLettersAndPunctuationToTwo() {
        assertThat(ChatNormalizer.normalize("Soooo gooood!!!!")).isEqualTo("soo good!!");
        assertThat(ChatNormalizer.normalize("哈哈哈哈哈")).isEqualTo("哈哈");
        assertThat(ChatNormalizer.normalize("whyyy???")).isEqualTo("whyy??");
    }

    @Test
    void leavesDigitsAndDoubleLettersAlone() {
        assertThat(ChatNormalizer.normalize("order 100000 too good")).isEqualTo("order 100000 too good");
    }

    @Test
    void readsAtMostTheFirstTwoThousandCharacters() {
        assertThat(ChatNormalizer.normalize("ab".repeat(10_000))).hasSize(ChatNormalizer.MAX_CHARS);
    }

    @Test
    void neverSplitsASurrogatePairAtTheCut() {
        String text = "ab".repeat(ChatNormalizer.MAX_CHARS / 2 - 1) + "a😡😡";
        String normalized = ChatNormalizer.normalize(text);
        assertThat(normalized).hasSize(ChatNormalizer.MAX_CHARS - 1);
        assertThat(normalized.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                .isTrue();
    }

    @Test
    void dropsLoneSurrogatesAndTreatsNullAsEmpty() {
        assertThat(ChatNormalizer.normalize("ok\uD83D")).isEqualTo("ok");
        assertThat(ChatNormalizer.normalize(null)).isEmpty();
        assertThat(ChatNormalizer.normalize(" \u200B ")).isEmpty();
    }
}
