package dev.rapport.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaffGroupUpdatesTest {

    private static final String GROUP = "{\"id\": -1001234567890, \"type\": \"supergroup\", \"is_forum\": true}";

    @Test
    void aTextInATopicNamesItsTopicAuthorAndTheMessageItAnswers() {
        var post = StaffGroupUpdates.post("""
                {"update_id": 1, "message": {"message_id": 77, "message_thread_id": 101, "is_topic_message": true,
                 "from": {"id": 555, "is_bot": false, "first_name": "Alice", "last_name": "Wong"}, "chat": %s,
                 "reply_to_message": {"message_id": 70, "chat": %s}, "text": "On its way"}}""".formatted(GROUP, GROUP)).orElseThrow();
        assertThat(post.groupId()).isEqualTo("-1001234567890");
        assertThat(post.threadId()).isEqualTo(101);
        assertThat(post.messageId()).isEqualTo(77);
        assertThat(post.replyTo()).isEqualTo(70);
        assertThat(post.userId()).isEqualTo(555);
        assertThat(post.userName()).isEqualTo("Alice Wong");
        assertThat(post.text()).isEqualTo("On its way");
        assertThat(post.edited()).isFalse();
    }

    @Test
    void aMessageThatAnswersNothingStillNamesTheTopicsStartWhichIsNoReply() {
        var post = StaffGroupUpdates.post("""
                {"update_id": 1, "message": {"message_id": 78, "message_thread_id": 101, "is_topic_message": true,
                 "from": {"id": 555, "is_bot": false, "first_name": "Alice"}, "chat": %s,
                 "reply_to_message": {"message_id": 101, "forum_topic_created": {"name": "Ada"}, "chat": %s},
                 "text": "Hello"}}""".formatted(GROUP, GROUP)).orElseThrow();
        assertThat(post.replyTo()).isNull();
    }

    @Test
    void serviceMessagesAndBotsAreNothingToActOn() {
        assertThat(StaffGroupUpdates.post("""
                {"update_id": 1, "message": {"message_id": 5, "message_thread_id": 5, "from": {"id": 555, "is_bot": false,
                 "first_name": "A"}, "chat": %s, "forum_topic_created": {"name": "x", "icon_color": 7322096}}}""".formatted(GROUP))).isEmpty();
        assertThat(StaffGroupUpdates.post("""
                {"update_id": 1, "message": {"message_id": 6, "from": {"id": 9, "is_bot": true, "first_name": "B"},
                 "chat": %s, "text": "beep"}}""".formatted(GROUP))).isEmpty();
    }

    @Test
    void theBotLeavingTheGroupIsSeen() {
        var post = StaffGroupUpdates.post("""
                {"update_id": 1, "my_chat_member": {"chat": %s, "from": {"id": 1, "is_bot": false, "first_name": "O"},
                 "date": 1, "old_chat_member": {"status": "administrator"}, "new_chat_member": {"status": "kicked"}}}""".formatted(GROUP)).orElseThrow();
        assertThat(post.botRemoved()).isTrue();
    }

    @Test
    void theCustomersMessageIdIsReadFromMessagesAndEdits() {
        assertThat(StaffGroupUpdates.customerMessageId("{\"update_id\": 1, \"message\": {\"message_id\": 12}}"))
                .contains(12L);
        assertThat(StaffGroupUpdates.customerMessageId("{\"update_id\": 1, \"edited_message\": {\"message_id\": 13}}"))
                .contains(13L);
        assertThat(StaffGroupUpdates.customerMessageId("{\"update_id\": 1, \"callback_query\": {}}"))
                .isEmpty();
    }
}
