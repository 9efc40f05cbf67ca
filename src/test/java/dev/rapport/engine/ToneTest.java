package dev.rapport.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToneTest {

    @Test
    void aCalmReportOfAFaultIsNotStronglyNegativeHoweverSureTheModelIs() {
        assertThat(Tone.stronglyNegative(-0.99, "The kettle I ordered arrived with a cracked lid"))
                .isFalse();
        assertThat(Tone.stronglyNegative(-0.99, "I'm a bit disappointed, the colour is not what I expected"))
                .isFalse();
        assertThat(Tone.stronglyNegative(-0.99, "东西还行，就是物流有点慢")).isFalse();
        assertThat(Tone.stronglyNegative(-0.99, "客服回复有点慢，希望改进")).isFalse();
        assertThat(Tone.stronglyNegative(-0.99, "Our DHL parcel is late"))
                .as("an acronym is not shouting")
                .isFalse();
    }

    @Test
    void angerInWordsOrTypingWithAClearlyNegativeScoreIs() {
        assertThat(Tone.stronglyNegative(-0.9, "Worst shop ever, three weeks and still nothing"))
                .isTrue();
        assertThat(Tone.stronglyNegative(-0.9, "I want my money back, you are thieves"))
                .isTrue();
        assertThat(Tone.stronglyNegative(-0.9, "The parcel is late again!")).isTrue();
        assertThat(Tone.stronglyNegative(-0.9, "Where is my order 😡")).isTrue();
        assertThat(Tone.stronglyNegative(-0.9, "I want a refund RIGHT NOW")).isTrue();
        assertThat(Tone.stronglyNegative(-0.9, "垃圾店铺，三个星期了还没发货")).isTrue();
        assertThat(Tone.stronglyNegative(-0.9, "太气人了，再也不买了")).isTrue();
        assertThat(Tone.stronglyNegative(-0.9, "快递又晚了！"))
                .as("a full-width exclamation mark")
                .isTrue();
    }

    @Test
    void aHeatedTextThatIsNotClearlyNegativeOrHasNoScoreIsNot() {
        assertThat(Tone.stronglyNegative(-0.2, "Worst shop ever!")).isFalse();
        assertThat(Tone.stronglyNegative(0.9, "Amazing service!!!")).isFalse();
        assertThat(Tone.stronglyNegative(null, "Worst shop ever!")).isFalse();
        assertThat(Tone.stronglyNegative(-0.9, null)).isFalse();
    }
}
