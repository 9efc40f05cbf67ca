package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NluOddInputTest {

    @TempDir
    static Path dir;

    private static Nlu nlu;

    @BeforeAll
    static void train() {
        nlu = Nlu.load(TinyData.copyTo(dir.resolve("nlu")), dir.resolve("cache"));
    }

    @AfterAll
    static void release() {
        nlu = null;
    }

    static List<String> oddTexts() {
        Random random = new Random(42);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            noise.appendCodePoint(random.nextInt(0x2FFFF));
        }
        List<String> texts = new ArrayList<>(List.of(
                "",
                " ",
                "\n\t",
                "😡",
                "👍👍👍",
                "🙂🙃😀😡🤬",
                "12345",
                "...",
                "!!!?",
                "a".repeat(10_000),
                "where is my order ".repeat(600),
                "退款".repeat(5_000),
                "我的order还没到",
                "my 外卖 is cold",
                "مرحبا، أين طلبي؟",
                "שלום, איפה ההזמנה שלי",
                "\u202Eredro ym si erehw\u202C",
                "re\u200Bf\u200Cu\u200Dn\u2060d\uFEFF",
                "\u0000\u0001\u0007\u001B[31mred\u001B[0m",
                "\uD83D",
                "\uDE21 lone low surrogate",
                "Z̷̢͈a̶̡̛l̸g̵o̴ text",
                "ｗｈｅｒｅ　ｉｓ　ｍｙ　ｏｒｄｅｒ",
                "注文がまだ届きません",
                "주문이 아직 안 왔어요",
                "где мой заказ",
                "\uE000\uF8FF private use"));
        texts.add(noise.toString());
        return texts;
    }

    @Test
    void oddTextsNeverThrowAndGiveSaneValues() {
        for (String text : oddTexts()) {
            for (String forced : new String[] {null, "en", "zh"}) {
                Understanding understanding = nlu.understand(text, LanguagePrior.none(), forced);
                assertThat(understanding.language()).as(text).isIn("en", "zh");
                assertThat(understanding.intentConfidence()).as(text).isBetween(0.0, 1.0);
                assertThat(understanding.sentimentScore()).as(text).isBetween(-1.0, 1.0);
            }
        }
        assertThat(nlu.understand(null, null)).isNotNull();
    }

    @Test
    void textWithoutLettersHasNoIntent() {
        for (String text : new String[] {"", "   ", "😡", "12345", "?!", "\u200B"}) {
            Understanding understanding = nlu.understand(text, LanguagePrior.none());
            assertThat(understanding.intent()).as(text).isEqualTo(Intent.UNKNOWN);
            assertThat(understanding.intentConfidence()).as(text).isZero();
        }
        Understanding empty = nlu.understand("", LanguagePrior.none());
        assertThat(empty.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(empty.sentimentScore()).isZero();
    }

    @Test
    void emojiStillCarrySentiment() {
        Understanding angry = nlu.understand("😡", LanguagePrior.none());
        assertThat(angry.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(angry.sentimentScore()).isNegative();
    }

    @Test
    void mixedScriptMessagesAreUnderstood() {
        Understanding understanding = nlu.understand("我的order还没到", LanguagePrior.none());
        assertThat(understanding.language()).isEqualTo("zh");
        assertThat(understanding.intent()).isEqualTo(Intent.ORDER_STATUS);
    }

    @Test
    void veryLongTextIsCutAndStaysFast() {
        String longText = "I want a refund because the food was cold ".repeat(1_000);
        nlu.understand(longText, LanguagePrior.none());
        long start = System.nanoTime();
        Understanding understanding = nlu.understand(longText, LanguagePrior.none());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(understanding.intent()).isEqualTo(Intent.REFUND);
        assertThat(millis).isLessThan(200);
    }

    @Test
    void refusesAForcedLanguageRapportDoesNotSpeak() {
        assertThatThrownBy(() -> nlu.understand("hola", LanguagePrior.none(), "es"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"es\"");
        assertThat(nlu.understand("hello", LanguagePrior.none(), "zh-Hans").language())
                .isEqualTo("zh");
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> texts = new ArrayList<>(oddTexts());
        texts.addAll(List.of("where is my order", "我要退款", "love it!", "cancel my order", "转人工"));
        List<Understanding> expected = texts.stream()
                .map(text -> nlu.understand(text, LanguagePrior.none()))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Understanding>>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                results.add(pool.submit(() -> {
                    List<Understanding> answers = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        answers = texts.stream()
                                .map(text -> nlu.understand(text, LanguagePrior.none()))
                                .toList();
                    }
                    return answers;
                }));
            }
            for (Future<List<Understanding>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
