package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void recurringWordsAndPhrasesInBothLanguages() {
        var terms = Terms.recurring(
                List.of(
                        "快递太慢了",
                        "快递太慢，包装破损",
                        "包装破损严重",
                        "Late delivery again!",
                        "Late delivery and poor packaging",
                        "the the the"),
                10);
        assertThat(terms).extracting(Terms.Term::text).containsExactlyInAnyOrder("late delivery", "包装破损", "快递");
        assertThat(terms).allSatisfy(term -> assertThat(term.answers()).isEqualTo(2));
    }

    @Test
    void chineseIsCutIntoCharacterNgramsWithoutFunctionCharacters() {
        assertThat(Terms.termsOf("包装破损的")).containsExactlyInAnyOrder("包装", "装破", "破损", "包装破", "装破损", "包装破损");
    }

    @Test
    void aTermCountsOncePerAnswer() {
        assertThat(Terms.recurring(List.of("slow slow slow slow"), 5)).isEmpty();
    }
}
