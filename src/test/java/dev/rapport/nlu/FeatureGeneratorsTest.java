package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureGeneratorsTest {

  private static final Map<String, Object> NONE = Map.of();

  @Test
  void hanCharNgramsStayInsideEachHanRun() {
    String[] tokens = {"还没到", "order", "了"};
    assertThat(new HanCharNgrams().extractFeatures(tokens, NONE)).containsExactly(
        "h1=还", "h2=还没", "h3=还没到", "h1=没", "h2=没到", "h1=到", "h1=了");
  }

  @Test
  void hanCharNgramsCountCodePointsNotChars() {
    assertThat(new HanCharNgrams().extractFeatures(new String[] {"𠀀字"}, NONE))
        .containsExactly("h1=𠀀", "h2=𠀀字", "h1=字");
  }

  @Test
  void wordNgramsGiveUnigramsAndBigramsAndBreakAtHan() {
    String[] tokens = {"not", "good", "😡", "外卖", "again"};
    assertThat(new WordNgrams().extractFeatures(tokens, NONE)).containsExactly(
        "w=not", "w=good", "b=not|good", "w=😡", "b=good|😡", "w=again");
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
    assertThat(new SubwordNgrams().extractFeatures(new String[] {"my", "0", "😡", "退款了"}, NONE)).isEmpty();
  }
}
