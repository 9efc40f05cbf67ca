package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.channel.Button;
import dev.rapport.channel.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyJsonTest {

    @Test
    void aTextWithButtonRowsSurvivesTheRoundTrip() {
        var reply = new Reply.Text(
                "How was your visit? 你觉得怎么样？ 👍",
                List.of(
                        List.of(new Button("Good", "csat:5"), new Button("Bad", "csat:1")),
                        List.of(new Button("Talk to a person", "handoff"))));

        assertThat(ReplyJson.decode(ReplyJson.encode(reply))).isEqualTo(reply);
    }

    @Test
    void aTextWithoutButtonsSurvivesTheRoundTrip() {
        var reply = new Reply.Text("line one\nline \"two\"", List.of());

        assertThat(ReplyJson.decode(ReplyJson.encode(reply))).isEqualTo(reply);
    }

    @Test
    void aReplyToAnEarlierMessageSurvivesTheRoundTrip() {
        var reply = new Reply.Text("About that parcel: it ships today.", List.of(), "1042");

        assertThat(ReplyJson.decode(ReplyJson.encode(reply))).isEqualTo(reply);
    }

    @Test
    void anEditSurvivesTheRoundTrip() {
        var edit = new Reply.Edit("1042", "Order 1001 left the warehouse this morning. 已发货。");

        assertThat(ReplyJson.decode(ReplyJson.encode(edit))).isEqualTo(edit);
    }

    @Test
    void aButtonAnswerWithAndWithoutTextSurvivesTheRoundTrip() {
        var silent = new Reply.ButtonAnswer("4382bfdwdsb323b2d9", null);
        var spoken = new Reply.ButtonAnswer("4382bfdwdsb323b2d9", "Thanks!");

        assertThat(ReplyJson.decode(ReplyJson.encode(silent))).isEqualTo(silent);
        assertThat(ReplyJson.decode(ReplyJson.encode(spoken))).isEqualTo(spoken);
    }

    @Test
    void theStoredShapeIsStable() {
        assertThat(ReplyJson.encode(new Reply.Text("hi", List.of(List.of(new Button("A", "a"))))))
                .isEqualTo("{\"type\":\"text\",\"text\":\"hi\",\"buttons\":[[{\"label\":\"A\",\"data\":\"a\"}]]}");
        assertThat(ReplyJson.encode(new Reply.ButtonAnswer("cb1", null)))
                .isEqualTo("{\"type\":\"button_answer\",\"callback_id\":\"cb1\",\"text\":null}");
    }

    @Test
    void anUnknownTypeIsExplained() {
        assertThatThrownBy(() -> ReplyJson.decode("{\"type\":\"photo\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown type 'photo'");
    }
}
