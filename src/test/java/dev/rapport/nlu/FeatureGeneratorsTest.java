package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureGeneratorsTest {

    private static final Map<String, Object> NONE = Map.of();

    @Test
    void hanCharNgramsStayInsideEachHanRun() {
        String[] tokens = {"还没到", "order", "了"};
        assertThat(new HanCharNgrams().extractFeatures(tokens, NONE))
                .containsExactly("h1=还", "h2=还没", "h3=还没到", "h1=没", "h2=没到", "h1=到", "h1=了");
    }

    @Test
    void hanCharNgramsCountCodePointsNotChars() {
        assertThat(new HanCharNgrams().extractFeatures(new String[] {"𠀀字"}, NONE))
                .containsExactly("h1=𠀀", "h2=𠀀字", "h1=字");
    }

    @Test
    void wordNgramsGiveUnigramsAndBigramsAndBreakAtHan() {
        String[] tokens = {"food", "cold", "😡", "外卖", "again"};
        assertThat(new WordNgrams().extractFeatures(tokens, NONE))
                .containsExactly("w=food", "w=cold", "b=food|cold", "w=😡", "b=cold|😡", "w=again");
    }

    @Test
    void wordNgramsMarkTheFewWordsAfterANegation() {
        String[] tokens = {"not", "impressed", "at", "all", "really"};
        assertThat(new WordNgrams().extractFeatures(tokens, NONE))
                .contains("n=impressed", "n=at", "n=all")
                .doesNotContain("n=not", "n=really");
        assertThat(new WordNgrams().extractFeatures(new String[] {"not", "good", "外卖", "good"}, NONE))
                .containsOnlyOnce("n=good");
    }

    @Test
    void polarityWordsJudgeWordsTheTrainingDataNeverHad() {
        assertThat(new PolarityWords().extractFeatures(new String[] {"woeful", "service"}, NONE))
                .containsExactly("p=negative");
        assertThat(new PolarityWords().extractFeatures(new String[] {"superb"}, NONE))
                .containsExactly("p=positive", "p=strongly-positive");
        assertThat(new PolarityWords().extractFeatures(new String[] {"the", "order", "0"}, NONE))
                .isEmpty();
    }

    @Test
    void polarityWordsTurnAroundAfterANegation() {
        assertThat(new PolarityWords().extractFeatures(new String[] {"not", "impressed"}, NONE))
                .containsExactly("p=negative");
        assertThat(new PolarityWords().extractFeatures(new String[] {"not", "bad", "at", "all"}, NONE))
                .containsExactly("p=positive", "p=strongly-positive");
    }

    @Test
    void polarityWordsFlagMixedFeelingsAsInSarcasm() {
        assertThat(new PolarityWords().extractFeatures(new String[] {"great", "another", "broken", "phone"}, NONE))
                .contains("p=positive", "p=negative", "p=mixed");
    }

    @Test
    void polarityLexiconKeepsOnlySingleWords() {
        assertThat(PolarityLexicon.VADER.size()).isGreaterThan(6_000);
        assertThat(PolarityLexicon.VADER.rating("horrible")).isNegative();
        assertThat(PolarityLexicon.VADER.rating("flawless")).isPositive();
        assertThat(PolarityLexicon.VADER.rating("d")).isZero(); // from the emoticon "d:<", not a word
        assertThat(PolarityLexicon.VADER.rating("order")).isZero();
    }

    @Test
    void featuresAreReportedOncePerMessage() {
        assertThat(new WordNgrams().extractFeatures(new String[] {"no", "no", "no"}, NONE))
                .containsExactly("w=no", "b=no|no");
        assertThat(new HanCharNgrams().extractFeatures(new String[] {"好好", "好"}, NONE))
                .containsExactly("h1=好", "h2=好好");
    }

    @Test
    void subwordNgramsMarkWordEdgesSoTyposShareFeatures() {
        assertThat(new SubwordNgrams().extractFeatures(new String[] {"ref"}, NONE))
                .containsExactly("s=<re", "s=ref", "s=ef>", "s=<ref", "s=ref>");
        var typo = new SubwordNgrams().extractFeatures(new String[] {"refnud"}, NONE);
        var right = new SubwordNgrams().extractFeatures(new String[] {"refund"}, NONE);
        assertThat(typo).contains("s=<re", "s=ref", "s=<ref");
        assertThat(right).contains("s=<re", "s=ref", "s=<ref");
    }

    @Test
    void subwordNgramsSkipShortWordsNumbersEmojiAndHan() {
        assertThat(new SubwordNgrams().extractFeatures(new String[] {"my", "0", "😡", "退款了"}, NONE))
                .isEmpty();
    }
}
