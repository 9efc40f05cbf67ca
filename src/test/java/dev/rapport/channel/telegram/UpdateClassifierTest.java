package dev.rapport.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.inbox.NewUpdate;
import dev.rapport.inbox.UpdateStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpdateClassifierTest {

    static NewUpdate classify(String body) {
        return UpdateClassifier.classify(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPrivateMessageIsPendingInItsChatsQueue() {
        NewUpdate update = classify("""
                {"update_id": 5000000000, "message": {"chat": {"id": 42, "type": "private"}, "text": "hi"}}""");
        assertThat(update.status()).isEqualTo(UpdateStatus.PENDING);
        assertThat(update.updateId()).isEqualTo(5_000_000_000L);
        assertThat(update.chatKey()).isEqualTo("42");
        assertThat(update.kind()).isEqualTo("message");
    }

    @Test
    void aButtonPressJoinsTheQueueOfTheChatItsMessageIsIn() {
        NewUpdate update = classify("""
                {"update_id": 1, "callback_query": {"id": "x", "from": {"id": 7},
                 "message": {"chat": {"id": 42, "type": "private"}}, "data": "go:help"}}""");
        assertThat(update.chatKey()).isEqualTo("42");
        NewUpdate inline = classify("""
                {"update_id": 2, "callback_query": {"id": "x", "from": {"id": 7}, "inline_message_id": "m"}}""");
        assertThat(inline.chatKey()).isEqualTo("7");
        assertThat(inline.status()).isEqualTo(UpdateStatus.PENDING);
    }

    @Test
    void theStaffGroupsUpdatesGoToTheStaffGroupNeverToTheEngine() {
        String inGroup = """
                {"update_id": 3, "message": {"chat": {"id": -1001234567890, "type": "supergroup", "is_forum": true},
                 "message_thread_id": 101, "is_topic_message": true, "from": {"id": 555}, "text": "Hello"}}""";
        NewUpdate staff = UpdateClassifier.classify(inGroup.getBytes(StandardCharsets.UTF_8), "-1001234567890");
        assertThat(staff.channel()).isEqualTo(StaffGroupDecoder.CHANNEL);
        assertThat(staff.status()).isEqualTo(UpdateStatus.PENDING);
        assertThat(staff.chatKey()).isEqualTo("-1001234567890");

        NewUpdate otherGroup = UpdateClassifier.classify(
                inGroup.replace("-1001234567890", "-1009999999999").getBytes(StandardCharsets.UTF_8), "-1001234567890");
        assertThat(otherGroup.channel()).isEqualTo("telegram");
        assertThat(otherGroup.status()).isEqualTo(UpdateStatus.IGNORED);
        assertThat(classify(inGroup).status()).isEqualTo(UpdateStatus.IGNORED); // no staff group set
    }

    @Test
    void malformedBodiesAreRejectedWithTheReasonAndKeptWhole() {
        NewUpdate broken = classify("{\"update_id\": 1, ");
        assertThat(broken.status()).isEqualTo(UpdateStatus.REJECTED);
        assertThat(broken.rawBody()).isEqualTo("{\"update_id\": 1, ");
        assertThat(broken.reason()).startsWith("body is not JSON");
        assertThat(classify("[1, 2]").reason()).isEqualTo("body is not a JSON object");
        assertThat(classify("{\"update_id\": \"7\"}").reason()).isEqualTo("update_id is missing or not an integer");
        assertThat(classify("nul\u0000l").rawBody()).doesNotContain("\u0000");
    }

    @Test
    void typesRapportDoesNotHandleAndGroupChatsAreIgnoredWithTheReason() {
        NewUpdate poll = classify("{\"update_id\": 1, \"poll\": {}}");
        assertThat(poll.status()).isEqualTo(UpdateStatus.IGNORED);
        assertThat(poll.reason()).isEqualTo("update type not handled: poll");
        NewUpdate future = classify("{\"update_id\": 1, \"something_new\": {}}");
        assertThat(future.reason()).isEqualTo("update type not handled: something_new");
        NewUpdate group = classify("""
                {"update_id": 1, "message": {"chat": {"id": -100, "type": "supergroup"}, "text": "hi"}}""");
        assertThat(group.status()).isEqualTo(UpdateStatus.IGNORED);
        assertThat(group.reason()).startsWith("not a private chat (supergroup)");
    }
}
