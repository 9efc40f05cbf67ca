package dev.rapport.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.flow.FlowProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A survey file with mistakes gets one problem per mistake, each with file, line, survey and question. */
class SurveyParserTest {

    @TempDir
    Path dir;

    private List<String> problems(String yaml) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, yaml);
        List<FlowProblem> problems = new ArrayList<>();
        SurveyParser.parse(file, problems);
        return problems.stream()
                .map(FlowProblem::toString)
                .map(text -> text.substring(dir.toString().length() + 1))
                .toList();
    }

    @Test
    void everyMistakeIsReportedWithItsLine() throws IOException {
        assertThat(problems("""
                id: broken
                questions:
                  - id: csat
                    type: csta
                    text: survey.feedback.csat
                  - id: csat
                    type: csat
                    text: survey.feedback.csat
                  - id: topic
                    type: single
                    text: survey.feedback.topic
                    options:
                      - {value: Order!, text: survey.feedback.topic_order}
                      - {value: other, text: survey.feedback.topic_other}
                  - id: score
                    type: nps
                    text: survey.feedback.nps
                    options: [{value: a, text: b}]
                    optinal: true
                finish:
                  outcomes: {closed: survey.thanks}
                """))
                .containsExactly(
                        "broken.yaml:4: survey 'broken', question 'csat': unknown type 'csta'; a question's type is one of "
                                + "csat, nps, ces, single, multiple, text",
                        "broken.yaml:6: survey 'broken', question 'csat': duplicate question id 'csat'; every question of a "
                                + "survey needs its own id",
                        "broken.yaml:13: survey 'broken', question 'topic': option value 'Order!' is not valid: expected 1-20 of "
                                + "a-z, 0-9 and _, starting with a letter",
                        "broken.yaml:19: survey 'broken', question 'score': unknown key 'optinal' in a question; known keys: "
                                + "id, optional, options, text, type",
                        "broken.yaml:18: survey 'broken', question 'score': options are only for single and multiple choice "
                                + "questions, not nps",
                        "broken.yaml:21: survey 'broken': finish has outcomes but no action: outcomes are what the action returns");
    }

    @Test
    void cesScaleIsFiveOrSevenAndNeedsACesQuestion() throws IOException {
        assertThat(problems("""
                id: effort
                ces_scale: 10
                questions:
                  - {id: ces, type: ces, text: survey.feedback.ces}
                """))
                .containsExactly(
                        "broken.yaml:2: survey 'effort': ces_scale must be 5 or 7 (CES asked on 1-5 or on 1-7), not '10'");
        assertThat(problems("""
                id: happy
                ces_scale: 5
                questions:
                  - {id: csat, type: csat, text: survey.feedback.csat}
                """))
                .containsExactly("broken.yaml:2: survey 'happy': ces_scale is set but the survey asks no ces question; "
                        + "remove ces_scale, or add a question of type ces");
        assertThat(problems("""
                id: fine
                ces_scale: 5
                questions:
                  - {id: ces, type: ces, text: survey.feedback.ces}
                """)).isEmpty();
    }
}
