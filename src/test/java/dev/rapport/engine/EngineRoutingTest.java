package dev.rapport.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the engine routes a turn — command, intent, button, fallback — on the shipped flows, without HTTP. */
class EngineRoutingTest {

    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aCommandStartsItsFlowAndTheWelcomeShowsTheMainMenu() {
        var answer = engine.command(1, "start");

        assertThat(answer.texts()).hasSize(1);
        assertThat(answer.buttons()).containsExactly("go:complaint", "go:feedback", "go:offers", "go:human");
    }

    @Test
    void aTextStartsTheFlowOfItsIntentAndKeepsTheWordsThatStartedIt() {
        engine.reads("my parcel arrived broken", "complaint");

        engine.text(2, "my parcel arrived broken");

        assertThat(engine.flow(2)).isEqualTo("complaint");
        String startedBy = engine.database
                .jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT slots ->> :slot FROM conversations WHERE chat_key = '2'")
                                .bind("slot", Engine.STARTED_BY_TEXT)
                                .mapTo(String.class)
                                .one());
        assertThat(startedBy).isEqualTo("my parcel arrived broken");
    }

    @Test
    void textNobodyUnderstandsGetsTheMenuAndASecondTimeTheOfferOfAPerson() {
        var first = engine.text(3, "qwxz");
        var second = engine.text(3, "qwxz again");

        assertThat(first.buttons()).contains("go:human");
        assertThat(first.texts().get(0)).contains("didn't understand");
        assertThat(second.texts().get(0)).contains("talk to a person");
    }

    @Test
    void aMenuButtonStartsItsFlowAndAButtonOfAnEarlierQuestionIsAnsweredAsStale() {
        engine.command(4, "start");

        var pressed = engine.press(4, "go:feedback");
        var stale = engine.press(4, "a:nosuch.step:value");

        assertThat(pressed.buttonAnswers()).containsExactly((String) null);
        assertThat(stale.buttonAnswers()).singleElement().asString().contains("earlier question");
    }
}
