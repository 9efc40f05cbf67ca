package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatTokenizerTest {

    private static String[] tokens(String text) {
        return ChatTokenizer.tokens(ChatNormalizer.normalize(text));
    }

    @Test
    void keepsHanRunsWholeBetweenLatinWords() {
        assertThat(tokens("我的order还没到")).containsExactly("我的", "order", "还没到");
        assertThat(tokens("my 外卖 is cold")).containsExactly("my", "外卖", "is", "cold");
    }

    @Test
    void joinsApostrophesAndReplacesDigitRunsWithZero() {
        assertThat(tokens("I don't have room 412 at 5pm"))
                .containsExactly("i", "dont", "have", "room", "0", "at", "0pm");
        assertThat(tokens("it’s")).containsExactly("its");
    }

    @Test
    void keepsEmojiQuestionAndExclamationMarksAsTokens() {
        assertThat(tokens("bad!! 😡😡 why?")).containsExactly("bad", "!", "!", "😡", "😡", "why", "?");
        assertThat(tokens("退款？")).containsExactly("退款", "?");
    }

    @Test
    void turnsEmoticonsIntoEmoji() {
        assertThat(tokens("thanks :) but :( and :D")).containsExactly("thanks", "🙂", "but", "🙁", "and", "😀");
        assertThat(tokens("see:done")).containsExactly("see", "done");
    }

    @Test
    void dropsOtherPunctuationAndKeepsOtherScriptsAsWords() {
        assertThat(tokens("hello, (world) - ok.")).containsExactly("hello", "world", "ok");
        assertThat(tokens("مرحبا بك")).containsExactly("مرحبا", "بك");
        assertThat(tokens("")).isEmpty();
    }

    @Test
    void skipsLinks() {
        assertThat(tokens("我的订单 https://shop.example.com/orders/12345?ref=app 还没到"))
                .containsExactly("我的订单", "还没到");
        assertThat(tokens("see www.example.com/help, please")).containsExactly("see", "please");
        assertThat(tokens("showwww.it")).containsExactly("showw", "it");
    }

    @Test
    void tellsTokenKinds() {
        assertThat(ChatTokenizer.isHanToken("退款")).isTrue();
        assertThat(ChatTokenizer.isHanToken("order")).isFalse();
        assertThat(ChatTokenizer.isLetterWord("order")).isTrue();
        assertThat(ChatTokenizer.isLetterWord("0pm")).isTrue();
        assertThat(ChatTokenizer.isLetterWord("0")).isFalse();
        assertThat(ChatTokenizer.isLetterWord("😡")).isFalse();
        assertThat(ChatTokenizer.isLetterWord("退款")).isFalse();
    }
}
