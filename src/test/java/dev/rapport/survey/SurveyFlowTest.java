package dev.rapport.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.flow.ButtonSpec;
import dev.rapport.flow.Flow;
import dev.rapport.flow.FlowProblem;
import dev.rapport.flow.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survey files compile to flows of the documented shape. */
class SurveyFlowTest {

    @TempDir
    Path dir;

    private Flow compile(String yaml) throws IOException {
        Path file = dir.resolve("survey.yaml");
        Files.writeString(file, yaml);
        List<FlowProblem> problems = new ArrayList<>();
        Survey survey = SurveyParser.parse(file, problems).orElseThrow();
        assertThat(problems).isEmpty();
        return SurveyFlow.compile(survey, dev.rapport.flow.MainMenu.read(java.nio.file.Path.of("conversations")));
    }

    /** The complaint follow-up as the complaint feature relies on it, with its finish action. */
    static final String FOLLOW_UP = """
            id: complaint_followup
            intro: survey.complaint_followup.intro
            questions:
              - id: csat
                type: csat
                text: survey.complaint_followup.csat
              - id: comment
                type: text
                text: survey.complaint_followup.comment
                optional: true
            finish:
              action: complaint_review_followup
              outcomes: {reopened: complaint.followup_reopened, closed: complaint.followup_thanks}
              keep: [ticket]
              text: survey.thanks
            """;

    @Test
    void theComplaintFollowUpAsksCsatThenACommentThenLetsTheComplaintFeatureDecide() throws IOException {
        Flow flow = compile(FOLLOW_UP);

        assertThat(flow.id()).isEqualTo("survey_complaint_followup");
        assertThat(flow.steps())
                .extracting(Step::id)
                .containsExactly(
                        "survey-begin",
                        "survey-intro",
                        "csat",
                        "record-csat",
                        "comment",
                        "record-comment",
                        "survey-complete",
                        "finish-action",
                        "closing-reopened",
                        "closing-closed",
                        "closing",
                        "survey-expired",
                        "survey-closed");
        Step.Ask csat = (Step.Ask) flow.step("csat").orElseThrow();
        assertThat(csat.slot()).isEqualTo("csat");
        assertThat(csat.buttons())
                .singleElement()
                .asList()
                .extracting(button -> ((ButtonSpec) button).value())
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(csat.buttons().get(0).get(0).callbackData(flow.id(), csat.id()))
                .isEqualTo("a:survey_complaint_followup.csat:1");
        Step.Ask comment = (Step.Ask) flow.step("comment").orElseThrow();
        assertThat(comment.input()).isEqualTo(Step.Input.TEXT);
        assertThat(comment.buttons())
                .singleElement()
                .asList()
                .extracting(button -> ((ButtonSpec) button).value())
                .containsExactly("_skip");
        Step.Action review = (Step.Action) flow.step("finish-action").orElseThrow();
        assertThat(review.name()).isEqualTo("complaint_review_followup");
        assertThat(review.outcomes())
                .containsEntry("reopened", "closing-reopened")
                .containsEntry("closed", "closing-closed");
        assertThat(((Step.End) flow.step("closing-reopened").orElseThrow()).text())
                .isEqualTo("complaint.followup_reopened");
        assertThat(((Step.End) flow.step("closing-closed").orElseThrow()).text())
                .isEqualTo("complaint.followup_thanks");
        assertThat(((Step.Action) flow.step("survey-complete").orElseThrow()).next())
                .isEqualTo("finish-action");
    }

    @Test
    void aSurveyWithoutFinishActionEndsWithItsClosingText() throws IOException {
        Flow flow = compile("""
                id: quick
                questions:
                  - {id: effort, type: ces, text: survey.feedback.ces}
                  - id: pick
                    type: multiple
                    text: survey.feedback.liked
                    options:
                      - {value: a, text: survey.feedback.liked_price}
                      - {value: b, text: survey.feedback.liked_quality}
                """);

        assertThat(flow.step("survey-intro")).isEmpty();
        assertThat(((Step.Action) flow.step("survey-complete").orElseThrow()).next())
                .isEqualTo("closing");
        assertThat(((Step.End) flow.step("closing").orElseThrow()).text()).isEqualTo("survey.thanks");
        Step.Ask effort = (Step.Ask) flow.step("effort").orElseThrow();
        assertThat(effort.pattern()).isEqualTo("(1|2|3|4|5|6|7)");
        assertThat(effort.invalid()).isEqualTo("survey.invalid.ces");
        Step.Ask pick = (Step.Ask) flow.step("pick").orElseThrow();
        assertThat(pick.input()).isEqualTo(Step.Input.BUTTONS_ONLY);
        assertThat(pick.buttons()).extracting(row -> row.get(0).value()).containsExactly("a", "b", "_done");
        Step.Action record = (Step.Action) flow.step("record-pick").orElseThrow();
        assertThat(record.outcomes())
                .containsEntry("ask:pick", "pick")
                .containsEntry("ask:effort", "effort")
                .containsEntry("done", "survey-complete")
                .containsEntry("expired", "survey-expired");
    }

    @Test
    void npsHasElevenButtonsOnTwoRows() throws IOException {
        Flow flow = compile("""
                id: recommend
                questions:
                  - {id: nps, type: nps, text: survey.feedback.nps, optional: true}
                """);
        Step.Ask nps = (Step.Ask) flow.step("nps").orElseThrow();
        assertThat(nps.buttons()).extracting(List::size).containsExactly(6, 5, 1);
        assertThat(nps.buttons().get(2).get(0).value()).isEqualTo("_skip");
    }

    @Test
    void aSurveyAsksCesOnTheScaleItSets() throws IOException {
        Flow flow = compile("""
                id: quick
                ces_scale: 5
                questions:
                  - {id: effort, type: ces, text: survey.feedback.ces}
                  - {id: csat, type: csat, text: survey.feedback.csat}
                """);
        Step.Ask effort = (Step.Ask) flow.step("effort").orElseThrow();
        assertThat(effort.buttons())
                .singleElement()
                .asList()
                .extracting(button -> ((ButtonSpec) button).value())
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(effort.pattern()).isEqualTo("(1|2|3|4|5)");
        assertThat(effort.invalid()).isEqualTo("survey.invalid.csat"); // "a number from 1 to 5"
        Step.Ask csat = (Step.Ask) flow.step("csat").orElseThrow();
        assertThat(csat.pattern()).isEqualTo("(1|2|3|4|5)");
    }
}
