package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.flow.FlowValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken survey file stops the start, naming file, line, survey and question, with everything else wrong. */
class SurveyValidationIT {

    @Test
    void aBrokenSurveyStopsTheStartWithFileLineSurveyAndQuestion(@TempDir Path directory) throws IOException {
        Path conversations = FlowValidationIT.copyOfShippedConversations(directory.resolve("conversations"));
        Files.writeString(conversations.resolve("surveys/broken.yaml"), """
                id: broken
                questions:
                  - id: mood
                    type: smiley
                    text: survey.feedback.csat
                  - id: pick
                    type: single
                    text: survey.feedback.topic
                    options:
                      - {value: a, text: survey.feedback.topic_order}
                      - {value: a, text: survey.feedback.topic_other}
                  - id: rate
                    type: csat
                    text: survey.broken.rate
                finish:
                  action: reopen_everything
                """);
        Files.writeString(
                conversations.resolve("surveys/again.yaml"),
                "id: feedback\nquestions:\n" + "  - {id: csat, type: csat, text: survey.feedback.csat}\n");

        assertThatThrownBy(() -> FlowValidationIT.startWith(conversations))
                .isInstanceOf(FlowValidationException.class)
                .hasMessageContaining("broken.yaml:4: survey 'broken', question 'mood': unknown type 'smiley'")
                .hasMessageContaining("broken.yaml:11: survey 'broken', question 'pick': duplicate option value 'a'")
                .hasMessageContaining(
                        "broken.yaml:12: flow 'survey_broken', step 'rate': message key 'survey.broken.rate' "
                                + "is missing in en and zh")
                .hasMessageContaining("flow 'survey_broken', step 'finish-action': unknown action 'reopen_everything'")
                .hasMessageContaining("feedback.yaml:3: survey 'feedback': the id is also used by ");
    }

    @Test
    void aSurveyTextMissingInOneLanguageStopsTheStart(@TempDir Path directory) throws IOException {
        Path conversations = FlowValidationIT.copyOfShippedConversations(directory.resolve("conversations"));
        Path chinese = conversations.resolve("messages/zh.yaml");
        Files.writeString(
                chinese, Files.readString(chinese).replace("    ces: \"在我们这里办成你要办的事，容易吗？（1 = 非常困难，7 = 非常容易）\"\n", ""));

        assertThatThrownBy(() -> FlowValidationIT.startWith(conversations))
                .isInstanceOf(FlowValidationException.class)
                .hasMessageContaining("surveys/feedback.yaml:12: flow 'survey_feedback', step 'ces': message key "
                        + "'survey.feedback.ces' is missing in zh");
    }
}
