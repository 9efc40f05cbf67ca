package dev.rapport.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a valid flow file becomes. */
class FlowModelTest {

    private static final String SURVEY = """
            id: survey
            triggers:
              commands: [survey, rate]
              intents: [give_rating]
            steps:
              - id: rate
                ask: pick
                slot: rating
                buttons:
                  - [{text: one, value: "1"}, {text: two, value: "2"}]
                invalid: again
              - id: comment
                ask: hello
                slot: comment
                pattern: "^.{3,}$"
              - id: save
                action: record_answer
                params: {from_slot: rating, kind: csat}
                outcomes: {failed: sorry}
              - id: by_rating
                branch:
                  on: rating
                  cases: {"1": sorry}
                  otherwise: thanks
              - id: sorry
                say: bye
                buttons: menu
                next: thanks
              - id: thanks
                end: ""
            """;

    @Test
    void readsEveryStepType(@TempDir Path root) {
        ConversationsDir dir = new ConversationsDir(root)
                .menuFlows()
                .flow("survey", SURVEY)
                .flow("hop", "id: hop\nsteps:\n  - id: away\n    goto: survey\n");

        Flow flow = dir.load().flow("survey").orElseThrow();

        assertThat(flow.triggers().commands()).containsExactly("survey", "rate");
        assertThat(flow.steps())
                .extracting(Step::id)
                .containsExactly("rate", "comment", "save", "by_rating", "sorry", "thanks");
        Step.Ask rate = (Step.Ask) flow.first();
        assertThat(rate.input()).isEqualTo(Step.Input.BUTTONS_ONLY);
        assertThat(rate.invalid()).isEqualTo("again");
        assertThat(rate.buttons()).hasSize(1);
        assertThat(rate.buttons().get(0)).extracting(ButtonSpec::value).containsExactly("1", "2");
        assertThat(rate.source()).isEqualTo(new Source(dir.file("flows/survey.yaml"), 6));
        assertThat(rate.buttons().get(0).get(0).source().line()).isEqualTo(10);
        Step.Ask comment = (Step.Ask) flow.step("comment").orElseThrow();
        assertThat(comment.input()).isEqualTo(Step.Input.TEXT);
        assertThat(comment.pattern()).isEqualTo("^.{3,}$");
        assertThat(comment.next()).isNull();
        Step.Action save = (Step.Action) flow.step("save").orElseThrow();
        assertThat(save.params()).isEqualTo(Map.of("from_slot", "rating", "kind", "csat"));
        assertThat(save.outcomes()).isEqualTo(Map.of("failed", "sorry"));
        Step.Branch branch = (Step.Branch) flow.step("by_rating").orElseThrow();
        assertThat(branch.on()).isEqualTo("rating");
        assertThat(branch.cases()).isEqualTo(Map.of("1", "sorry"));
        assertThat(branch.otherwise()).isEqualTo("thanks");
        Step.End thanks = (Step.End) flow.step("thanks").orElseThrow();
        assertThat(thanks.text()).as("an empty end text ends silently").isNull();
        Step.GoTo away = (Step.GoTo) dir.load().flow("hop").orElseThrow().first();
        assertThat(away.flow()).isEqualTo("survey");
    }

    @Test
    void menuStandsForTheMainMenu(@TempDir Path root) {
        ConversationsDir dir = new ConversationsDir(root).menuFlows().flow("survey", SURVEY);

        Step.Say sorry =
                (Step.Say) dir.load().flow("survey").orElseThrow().step("sorry").orElseThrow();

        assertThat(sorry.buttons()).hasSize(2);
        assertThat(sorry.buttons().get(0))
                .extracting(ButtonSpec::text, ButtonSpec::flow)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("menu.complaint", "complaint"),
                        org.assertj.core.groups.Tuple.tuple("menu.feedback", "feedback"));
        assertThat(sorry.buttons().get(1)).extracting(ButtonSpec::flow).containsExactly("offers", "human");
        assertThat(sorry.buttons()).allSatisfy(row -> assertThat(row).allMatch(ButtonSpec::startsFlow));
    }

    @Test
    void endWithNullTextEndsSilently(@TempDir Path root) {
        ConversationsDir dir =
                new ConversationsDir(root).flow("quiet", "id: quiet\nsteps:\n  - id: stop\n    end: null\n");

        assertThat(((Step.End) dir.load().flow("quiet").orElseThrow().first()).text())
                .isNull();
    }

    @Test
    void findsFlowsByCommandAndIntent(@TempDir Path root) {
        Conversations conversations =
                new ConversationsDir(root).menuFlows().flow("survey", SURVEY).load();

        assertThat(conversations.byCommand("survey")).map(Flow::id).contains("survey");
        assertThat(conversations.byCommand("SURVEY")).map(Flow::id).contains("survey");
        assertThat(conversations.byCommand("Rate")).map(Flow::id).contains("survey");
        assertThat(conversations.byCommand("unknown")).isEmpty();
        assertThat(conversations.byIntent("give_rating")).map(Flow::id).contains("survey");
        assertThat(conversations.byIntent("complaint")).isEmpty();
        assertThat(conversations.flow("complaint")).isPresent();
        assertThat(conversations.flows()).containsOnlyKeys("survey", "complaint", "feedback", "offers", "human");
    }

    @Test
    void callbackDataFollowsTheEngineFormat() {
        ButtonSpec answer = new ButtonSpec("one", "1", null, null);
        ButtonSpec menu = new ButtonSpec("menu.offers", null, "offers", null);

        assertThat(answer.callbackData("survey", "rate")).isEqualTo("a:survey.rate:1");
        assertThat(menu.callbackData("survey", "rate")).isEqualTo("go:offers");
        assertThat(List.of(answer, menu)).extracting(ButtonSpec::startsFlow).containsExactly(false, true);
    }
}
