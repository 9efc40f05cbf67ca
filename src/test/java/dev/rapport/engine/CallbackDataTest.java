package dev.rapport.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.flow.ButtonSpec;
import org.junit.jupiter.api.Test;

class CallbackDataTest {

    @Test
    void readsBackWhatFlowButtonsWrite() {
        var start = new ButtonSpec("menu.complaint", null, "complaint", null);
        assertThat(CallbackData.parse(start.callbackData("start", "welcome")))
                .contains(new CallbackData.StartFlow("complaint"));
        var answer = new ButtonSpec("language.chinese", "zh:cn", null, null);
        assertThat(CallbackData.parse(answer.callbackData("language", "choose")))
                .contains(new CallbackData.Answer("language", "choose", "zh:cn"));
    }

    @Test
    void dataRapportDidNotWriteIsNotUnderstood() {
        assertThat(CallbackData.parse("Data from button callback")).isEmpty();
        assertThat(CallbackData.parse("")).isEmpty();
        assertThat(CallbackData.parse("a:no-step-separator")).isEmpty();
    }
}
