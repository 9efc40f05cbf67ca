package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private static final LanguagePrior NONE = LanguagePrior.none();
    private static final LanguagePrior CHINESE_TELEGRAM = new LanguagePrior("zh-hans", null, null);
    private static final LanguagePrior PREVIOUSLY_CHINESE = new LanguagePrior(null, "zh", null);
    private static final LanguagePrior CHOSE_ENGLISH = new LanguagePrior("zh-hans", "zh", "en");

    private static LanguageIdentifier languages;

    @BeforeAll
    static void loadDetector() {
        languages = LanguageIdentifier.withLexicon(EnglishLexicon.builtIn());
    }

    private static String identify(String text, LanguagePrior prior) {
        String normalized = ChatNormalizer.normalize(text);
        String[] tokens = ChatTokenizer.tokens(normalized);
        return languages.identify(normalized, tokens, ScriptProfile.of(tokens), prior);
    }

    @Test
    void shortHanTextIsChineseWhateverThePrior() {
        assertThat(identify("退款", CHOSE_ENGLISH)).isEqualTo("zh");
        assertThat(identify("好", NONE)).isEqualTo("zh");
        assertThat(identify("我的order还没到", NONE)).isEqualTo("zh");
        assertThat(identify("我要refund", NONE)).isEqualTo("zh");
    }

    @Test
    void englishWithAChineseWordIsEnglish() {
        assertThat(identify("my 外卖 is cold again", PREVIOUSLY_CHINESE)).isEqualTo("en");
    }

    @Test
    void shortEnglishIsEnglishEvenForAChineseCustomer() {
        assertThat(identify("where is my order", CHINESE_TELEGRAM)).isEqualTo("en");
        assertThat(identify("I want a refund", PREVIOUSLY_CHINESE)).isEqualTo("en");
    }

    @Test
    void ambiguousMessagesFollowThePrior() {
        for (String text : List.of("ok", "👍", "12345", "???", "", "lol", "hi!", "k")) {
            assertThat(identify(text, PREVIOUSLY_CHINESE)).as(text).isEqualTo("zh");
            assertThat(identify(text, CHINESE_TELEGRAM)).as(text).isEqualTo("zh");
            assertThat(identify(text, NONE)).as(text).isEqualTo("en");
            assertThat(identify(text, CHOSE_ENGLISH)).as(text).isEqualTo("en");
        }
    }

    @Test
    void languagesRapportDoesNotSpeakFallBackToTheChosenThenPreviousThenTelegramLanguage() {
        String spanish = "hola, necesito ayuda con mi pedido, todavía no ha llegado";
        assertThat(identify(spanish, new LanguagePrior("en", "en", "zh"))).isEqualTo("zh");
        assertThat(identify(spanish, new LanguagePrior("en", "zh", null))).isEqualTo("zh");
        assertThat(identify(spanish, new LanguagePrior("zh-TW", null, null))).isEqualTo("zh");
        assertThat(identify(spanish, new LanguagePrior("es", "fr", "de"))).isEqualTo("en");
        assertThat(identify(spanish, NONE)).isEqualTo("en");
    }

    @Test
    void rightToLeftAndJapaneseTextFallBack() {
        assertThat(identify("مرحبا، أين طلبي", PREVIOUSLY_CHINESE)).isEqualTo("zh");
        assertThat(identify("שלום, איפה ההזמנה שלי", NONE)).isEqualTo("en");
        assertThat(identify("注文がまだ届きません", PREVIOUSLY_CHINESE)).isEqualTo("zh");
        assertThat(identify("注文がまだ届きません", NONE)).isEqualTo("en");
    }

    @Test
    void longEnglishOutsideTheWordListIsRecognisedByTheDetector() {
        String text = "Extraordinarily disappointing craftsmanship; stitching unravelled immediately";
        assertThat(identify(text, PREVIOUSLY_CHINESE)).isEqualTo("en");
    }

    @Test
    void priorCodesAreComparedByPrefix() {
        assertThat(LanguageIdentifier.supported("zh-Hant")).isEqualTo("zh");
        assertThat(LanguageIdentifier.supported(" EN-gb ")).isEqualTo("en");
        assertThat(LanguageIdentifier.supported("fr")).isNull();
        assertThat(LanguageIdentifier.supported(null)).isNull();
        assertThat(LanguageIdentifier.fromPrior(new LanguagePrior("ZH", null, null)))
                .isEqualTo("zh");
        assertThat(LanguageIdentifier.fromPrior(new LanguagePrior("en", "xx", "yy")))
                .isEqualTo("en");
    }

    @Test
    void trainingWordsJoinTheLexiconUnlessChineseCustomersUseThemToo() {
        EnglishLexicon lexicon = EnglishLexicon.builtIn()
                .plus(List.of("the parcel is stuck in customs", "app crashed"), List.of("app 闪退了"));
        assertThat(lexicon.contains("customs")).isTrue();
        assertThat(lexicon.contains("crashed")).isTrue();
        assertThat(lexicon.contains("app")).isTrue(); // built in, so kept
        assertThat(EnglishLexicon.builtIn()
                        .plus(List.of("zorp"), List.of("zorp 好"))
                        .contains("zorp"))
                .isFalse();
    }
}
