package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClauseBalanceTest {

    private static Collection<String> features(String text) {
        return new ClauseBalance().extractFeatures(Trainer.tokens(text), Map.of());
    }

    @Test
    void theClauseAfterAContrastWordWeighsMore() {
        assertThat(features("Great but packaging flimsy"))
                .contains("cb=after-neg")
                .doesNotContain("cb=pos");
        assertThat(features("slow delivery but the food was excellent")).contains("cb=pos", "cb=after-pos");
        assertThat(features("东西不错，就是包装太简陋")).contains("cb=neg", "cb=after-neg");
        assertThat(features("虽然送得慢，但是很好吃")).contains("cb=pos", "cb=after-pos");
    }

    @Test
    void negationsTurnWordsRoundAndSoftenersKeepComplaintsMild() {
        assertThat(features("not impressed at all")).contains("cb=neg");
        assertThat(features("一点都不满意")).contains("cb=neg");
        assertThat(features("没毛病，不错")).contains("cb=pos");
        assertThat(features("客服回复有点慢，希望改进")).contains("cb=neg", "cb=mild-neg", "cb=wish");
        assertThat(features("非常满意")).contains("cb=pos").doesNotContain("cb=neg");
    }

    @Test
    void wordsThatOnlyContainAnOpinionCharacterAreNotOpinions() {
        assertThat(features("快递到哪了")).isEmpty();
        assertThat(features("下周出差，麻烦帮我改地址")).isEmpty();
        assertThat(features("where is my order")).isEmpty();
    }
}
