package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.domain.Language;
import dev.rapport.domain.StaffRef;
import dev.rapport.handoff.HandoffState;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.staffgroup.StaffLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Staff answer from a Telegram forum supergroup, through the fake Bot API over real HTTP. */
class StaffGroupIT {

    private static final long GROUP = -1001234567890L;
    private static final long ALICE = 555;
    private static final AtomicLong IDS = new AtomicLong(9_000_000);

    private static RunningRapport start(Map<String, String> more, int limit, Duration window) {
        var settings = new HashMap<>(Map.of(
                "TELEGRAM_STAFF_GROUP_ID",
                String.valueOf(GROUP),
                "RAPPORT_TELEGRAM_STAFF_GROUP_LIMIT",
                String.valueOf(limit),
                "RAPPORT_TELEGRAM_STAFF_GROUP_WINDOW_SECONDS",
                String.valueOf(window.toSeconds())));
        settings.putAll(more);
        RunningRapport rapport = RunningRapport.start(settings, fake -> {
            fake.forum(GROUP);
            fake.groupLimit(limit, window);
        });
        var alice = new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC())
                .add("Alice", Role.AGENT, "a long enough password".toCharArray(), Language.EN);
        new StaffLinks(rapport.database.jdbi()).link(alice.ref(), ALICE);
        return rapport;
    }

    private static long topic(RunningRapport rapport, long customerId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> rapport.count(
                                "SELECT count(*) FROM staffgroup_topics WHERE customer_id = ? AND thread_id IS NOT NULL",
                                customerId)
                        == 1);
        return rapport.count("SELECT thread_id FROM staffgroup_topics WHERE customer_id = ?", customerId);
    }

    private static void staffSays(RunningRapport rapport, long user, long thread, String text) {
        long id = IDS.incrementAndGet();
        var response = rapport.postUpdate("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "message_thread_id": %d,
                  "is_topic_message": true, "from": {"id": %d, "is_bot": false, "first_name": "Staff%d"},
                  "chat": {"id": %d, "type": "supergroup", "title": "Staff", "is_forum": true},
                  "text": %s}}""".formatted(id, id, thread, user, user, GROUP, Updates.json(text)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static long staffReplies(RunningRapport rapport, long thread, long replyTo, String text) {
        long id = IDS.incrementAndGet();
        var response = rapport.postUpdate(
                """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "message_thread_id": %d,
                  "is_topic_message": true, "from": {"id": %d, "is_bot": false, "first_name": "Alice"},
                  "chat": {"id": %d, "type": "supergroup", "title": "Staff", "is_forum": true},
                  "reply_to_message": {"message_id": %d, "date": 1700000000, "message_thread_id": %d,
                    "chat": {"id": %d, "type": "supergroup", "title": "Staff", "is_forum": true}},
                  "text": %s}}""".formatted(id, id, thread, ALICE, GROUP, replyTo, thread, GROUP, Updates.json(text)));
        assertThat(response.statusCode()).isEqualTo(200);
        return id;
    }

    private static void customerUpdate(RunningRapport rapport, String json) {
        assertThat(rapport.postUpdate(json.formatted(IDS.incrementAndGet())).statusCode())
                .isEqualTo(200);
    }

    private static long topicMessageOf(RunningRapport rapport, String text) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> rapport.count(
                                "SELECT count(*) FROM staffgroup_posts WHERE text = ? AND topic_message_id IS NOT NULL",
                                text)
                        == 1);
        return rapport.count("SELECT topic_message_id FROM staffgroup_posts WHERE text = ?", text);
    }

    private static List<String> topicTexts(RunningRapport rapport, long thread) {
        return rapport.telegram.topicPosts(GROUP, thread).stream()
                .filter(call -> call.is("sendMessage"))
                .map(FakeTelegramApi.Call::text)
                .toList();
    }

    @Test
    void staffWorkAHandoffFromTheirTopic() {
        try (var rapport = start(Map.of(), 20, Duration.ofMinutes(1))) {
            var ada = new TelegramChat(rapport, 4101, "en");
            ada.say("/human", 1);
            long customerId = ada.customerId();
            long thread = topic(rapport, customerId);

            // The topic is named with the customer, tier and state; the card comes first.
            var created = rapport.telegram.calls("createForumTopic").get(0);
            assertThat(created.body().path("name").asText()).startsWith("⏳ Ada").contains("SMALL");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !topicTexts(rapport, thread).isEmpty());
            assertThat(topicTexts(rapport, thread).get(0))
                    .contains("Ada")
                    .contains("SMALL")
                    .contains("asked_for_person")
                    .contains("/human");

            // A customer message is copied into the topic (copyMessage, no "forwarded from").
            ada.say("My parcel never came", 0);
            var copy = rapport.telegram
                    .awaitCalls("copyMessage", 1, Duration.ofSeconds(10))
                    .get(0);
            assertThat(copy.body().path("from_chat_id").asText()).isEqualTo("4101");
            assertThat(copy.body().path("message_thread_id").asLong()).isEqualTo(thread);

            // A note stays internal; a staff reply reaches the customer.
            int before = ada.texts().size();
            staffSays(rapport, ALICE, thread, "/note customer is upset, check courier");
            staffSays(rapport, ALICE, thread, "Hello Ada, I'm looking into it now.");
            assertThat(ada.expect(before, 1)).containsExactly("Hello Ada, I'm looking into it now.");
            assertThat(rapport.count("SELECT count(*) FROM events WHERE type = 'handoff.note'"))
                    .isEqualTo(1);
            Awaitility.await()
                    .during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> ada.texts().stream().noneMatch(text -> text.contains("courier")));

            // The reply claimed it for Alice: the console (HandoffDesk) shows it; /claim again says so.
            var handoff = rapport.count("SELECT id FROM handoffs WHERE customer_id = ?", customerId);
            var desk = rapport.handoffs();
            assertThat(desk.find(handoff).orElseThrow().state()).isEqualTo(HandoffState.CLAIMED);
            assertThat(desk.find(handoff).orElseThrow().owner().name()).isEqualTo("Alice");
            assertThat(rapport.count(
                            "SELECT count(*) FROM audit_log WHERE action = 'handoff.reply' AND actor = 'staff:Alice'"))
                    .isEqualTo(1);
            staffSays(rapport, ALICE, thread, "/claim");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> topicTexts(rapport, thread).contains("You already have this chat."));

            // Someone not linked to a staff account is ignored, with a notice.
            int sent = ada.texts().size();
            staffSays(rapport, 999, thread, "I am not staff");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> topicTexts(rapport, thread).stream().anyMatch(text -> text.contains("not linked")));
            assertThat(ada.texts()).hasSize(sent);

            // /back hands the chat back to the bot.
            staffSays(rapport, ALICE, thread, "/back");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> desk.find(handoff).orElseThrow().state() == HandoffState.CLOSED);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> rapport.telegram.calls("editForumTopic").stream()
                            .anyMatch(call -> call.body().path("name").asText().startsWith("✅")));
        }
    }

    @Test
    void aClaimInTheConsoleShowsInTheTopic() {
        try (var rapport = start(Map.of(), 20, Duration.ofMinutes(1))) {
            var ada = new TelegramChat(rapport, 4102, "en");
            ada.say("/human", 1);
            long thread = topic(rapport, ada.customerId());
            long handoff = rapport.count("SELECT id FROM handoffs WHERE customer_id = ?", ada.customerId());
            rapport.handoffs().claim(handoff, new StaffRef(8, "Bo"));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> topicTexts(rapport, thread).contains("💬 Bo has this chat now."));
        }
    }

    @Test
    void aTicketPastItsResponseTimeOpensATopicFromTheJob() {
        try (var rapport = start(Map.of(), 20, Duration.ofMinutes(1))) {
            var lee = new TelegramChat(rapport, 4103, "en");
            String ticket = lee.complain("The blender stopped working after a day", "product");
            assertThat(rapport.count("SELECT count(*) FROM staffgroup_topics WHERE customer_id = ?", lee.customerId()))
                    .as("no topic before the escalation")
                    .isZero();
            rapport.database
                    .jdbi()
                    .useHandle(handle -> handle.execute(
                            "UPDATE complaints SET due_at = now() - interval '5 minutes' WHERE ticket = ?", ticket));

            rapport.runJob("complaint.sla_check");

            assertThat(rapport.count(
                            "SELECT count(*) FROM handoffs WHERE customer_id = ? AND state <> 'closed'",
                            lee.customerId()))
                    .isEqualTo(1);
            long thread = topic(rapport, lee.customerId());
            assertThat(thread).isPositive();
        }
    }

    @Test
    void aDeletedTopicIsCreatedAgainAndTheMessageDelivered() {
        try (var rapport = start(Map.of(), 20, Duration.ofMinutes(1))) {
            var ada = new TelegramChat(rapport, 4103, "en");
            ada.say("/human", 1);
            long customerId = ada.customerId();
            long thread = topic(rapport, customerId);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !topicTexts(rapport, thread).isEmpty());
            rapport.telegram.deleteTopic(GROUP, thread);

            ada.say("Are you there?", 0);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() ->
                            rapport.count("SELECT thread_id FROM staffgroup_topics WHERE customer_id = ?", customerId)
                                    != thread);
            long again = rapport.count("SELECT thread_id FROM staffgroup_topics WHERE customer_id = ?", customerId);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> rapport.telegram.topicPosts(GROUP, again).stream()
                            .anyMatch(call -> call.is("copyMessage")));
            assertThat(topicTexts(rapport, again).get(0)).contains("deleted");
        }
    }

    @Test
    void aBurstOfCustomerMessagesStaysUnderTheGroupLimitWithNothingLost() {
        int limit = 5;
        Duration window = Duration.ofSeconds(3);
        try (var rapport = start(Map.of(), limit, window)) {
            var ada = new TelegramChat(rapport, 4104, "en");
            ada.say("/human", 1);
            long customerId = ada.customerId();
            long thread = topic(rapport, customerId);
            for (int i = 1; i <= 25; i++) {
                ada.say("burst message " + i, 0);
            }
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> rapport.count("""
                    SELECT count(*) FROM staffgroup_posts WHERE customer_id = ? AND kind = 'customer'
                      AND topic_message_id IS NOT NULL""", customerId) == 25);
            assertThat(rapport.telegram.groupLimitHits()).isZero();
            assertThat(rapport.telegram.mostGroupPostsInWindow(GROUP)).isLessThanOrEqualTo(limit);
            // Every message is in the topic: copied on its own, or inside a folded post.
            var posts = rapport.telegram.topicPosts(GROUP, thread);
            String folded = String.join(
                    "\n",
                    posts.stream()
                            .filter(call -> call.is("sendMessage"))
                            .map(FakeTelegramApi.Call::text)
                            .toList());
            long copied = posts.stream().filter(call -> call.is("copyMessage")).count();
            long inFolds = java.util.stream.IntStream.rangeClosed(1, 25)
                    .filter(i -> folded.contains("burst message " + i + "\n") || folded.endsWith("burst message " + i))
                    .count();
            assertThat(copied + inFolds).isEqualTo(25);
            System.out.printf(
                    "Burst: 25 customer messages reached the topic as %d posts (%d copies, %d folded); "
                            + "at most %d posts into the group per %s window (limit %d); 429s: %d%n",
                    posts.size(),
                    copied,
                    inFolds,
                    rapport.telegram.mostGroupPostsInWindow(GROUP),
                    window,
                    limit,
                    rapport.telegram.groupLimitHits());
            assertThat(posts.size()).isLessThan(25);
        }
    }

    @Test
    void aReplyToOneMessageAnswersThatMessageAndEditsAndABlockFollow() {
        try (var rapport = start(Map.of(), 20, Duration.ofMinutes(1))) {
            var ada = new TelegramChat(rapport, 4105, "en");
            ada.say("/human", 1);
            long thread = topic(rapport, ada.customerId());
            ada.say("Where is order 1001?", 0);
            long firstUpdate = rapport.count("""
                    SELECT max(u.update_id) FROM inbound_updates u WHERE u.chat_key = '4105' AND u.channel = 'telegram'""");
            ada.say("And order 1002?", 0);
            long secondUpdate = rapport.count("""
                    SELECT max(u.update_id) FROM inbound_updates u WHERE u.chat_key = '4105' AND u.channel = 'telegram'""");
            long firstCopy = topicMessageOf(rapport, "Where is order 1001?");
            long secondCopy = topicMessageOf(rapport, "And order 1002?");

            // Alice answers the first question: the customer sees it as a reply to that question.
            int before = ada.texts().size();
            long reply = staffReplies(rapport, thread, firstCopy, "Order 1001 left the warehouse today.");
            ada.expect(before, 1);
            var answer = rapport.telegram.calls("sendMessage").stream()
                    .filter(call -> Long.valueOf(4105).equals(call.chatId()))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(answer.text()).isEqualTo("Order 1001 left the warehouse today.");
            assertThat(answer.body().path("reply_parameters").path("message_id").asLong())
                    .isEqualTo(firstUpdate);

            // Alice corrects her reply: the customer's copy is edited too.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> rapport.count(
                                    "SELECT count(*) FROM outbox WHERE channel = 'telegram' AND chat_key = '4105' AND status = 'sent' "
                                            + "AND reply->>'text' LIKE 'Order 1001%'")
                            == 1);
            customerUpdate(rapport, """
                    {"update_id": %%d, "edited_message": {"message_id": %d, "date": 1700000000, "edit_date": 1700000050,
                      "message_thread_id": %d, "is_topic_message": true,
                      "from": {"id": %d, "is_bot": false, "first_name": "Alice"},
                      "chat": {"id": %d, "type": "supergroup", "title": "Staff", "is_forum": true},
                      "text": "Order 1001 left the warehouse this morning."}}""".formatted(reply, thread, ALICE, GROUP));
            var staffEdit = rapport.telegram
                    .awaitCalls("editMessageText", 1, Duration.ofSeconds(10))
                    .get(0);
            assertThat(staffEdit.chatId()).isEqualTo(4105L);
            assertThat(staffEdit.text()).isEqualTo("Order 1001 left the warehouse this morning.");
            // Through the outbox, once, after the group's turn committed; the log reads as the message does now.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rapport.count("""
                                    SELECT count(*) FROM outbox WHERE channel = 'telegram' AND chat_key = '4105'
                                       AND reply->>'type' = 'edit' AND status = 'sent'
                                       AND dedup_key LIKE 'staffgroup:edit:%'""") == 1);
            assertThat(rapport.count("""
                            SELECT count(*) FROM messages WHERE chat_key = '4105' AND direction = 'out'
                               AND text = 'Order 1001 left the warehouse this morning.'""")).isEqualTo(1);

            // The customer edits the second question: its copy in the topic is edited too.
            customerUpdate(rapport, """
                    {"update_id": %%d, "edited_message": {"message_id": %d, "date": 1700000000, "edit_date": 1700000100,
                      "from": {"id": 4105, "is_bot": false, "first_name": "Ada"},
                      "chat": {"id": 4105, "type": "private", "first_name": "Ada"}, "text": "And order 1003?"}}""".formatted(secondUpdate));
            var edit = rapport.telegram
                    .awaitCalls("editMessageText", 2, Duration.ofSeconds(10))
                    .get(1);
            assertThat(edit.chatId()).isEqualTo(GROUP);
            assertThat(edit.body().path("message_id").asLong()).isEqualTo(secondCopy);
            assertThat(edit.text()).isEqualTo("And order 1003?");

            // The customer blocks the bot: the topic says so.
            customerUpdate(rapport, """
                    {"update_id": %d, "my_chat_member": {"date": 1700000200,
                      "chat": {"id": 4105, "type": "private", "first_name": "Ada"},
                      "from": {"id": 4105, "is_bot": false, "first_name": "Ada"},
                      "old_chat_member": {"status": "member", "user": {"id": 123456, "is_bot": true, "first_name": "Bot"}},
                      "new_chat_member": {"status": "kicked", "until_date": 0, "user": {"id": 123456, "is_bot": true, "first_name": "Bot"}}}}""");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            topicTexts(rapport, thread).stream().anyMatch(text -> text.contains("blocked the bot")));
        }
    }

    @Test
    void aGroupTheBotCannotUseLeavesHandoffsInTheConsole() {
        var settings = Map.of("TELEGRAM_STAFF_GROUP_ID", String.valueOf(GROUP));
        try (var rapport = RunningRapport.start(settings, fake -> {
            fake.forum(GROUP);
            fake.botStatus(GROUP, "member");
        })) {
            assertThat(TelegramChat.column(
                            rapport,
                            "SELECT unusable FROM staffgroup_status WHERE group_id = ?",
                            String.valueOf(GROUP)))
                    .contains("the bot is not an administrator");
            var ada = new TelegramChat(rapport, 4106, "en");
            ada.say("/human", 1);
            assertThat(rapport.handoffs().queue()).hasSize(1);
            ada.say("Hello?", 0);
            Awaitility.await()
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> rapport.telegram.calls("createForumTopic").isEmpty()
                            && rapport.count("SELECT count(*) FROM staffgroup_posts") == 0);
            assertThat(rapport.count("SELECT count(*) FROM messages WHERE text = 'Hello?' AND handoff_id IS NOT NULL"))
                    .isEqualTo(1);
        }
    }

    @Test
    void theBotRemovedFromTheGroupSendsHandoffsToTheConsole() {
        try (var rapport = start(Map.of(), 20, Duration.ofMinutes(1))) {
            customerUpdate(rapport, """
                    {"update_id": %%d, "my_chat_member": {"date": 1700000200,
                      "chat": {"id": %d, "type": "supergroup", "title": "Staff", "is_forum": true},
                      "from": {"id": 777, "is_bot": false, "first_name": "Owner"},
                      "old_chat_member": {"status": "administrator", "user": {"id": 123456, "is_bot": true, "first_name": "Bot"}},
                      "new_chat_member": {"status": "left", "user": {"id": 123456, "is_bot": true, "first_name": "Bot"}}}}""".formatted(GROUP));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            rapport.count("SELECT count(*) FROM staffgroup_status WHERE unusable IS NOT NULL") == 1);
            var ada = new TelegramChat(rapport, 4107, "en");
            ada.say("/human", 1);
            assertThat(rapport.handoffs().queue()).hasSize(1);
            assertThat(rapport.count("SELECT count(*) FROM staffgroup_posts")).isZero();
        }
    }

    @Test
    void aStaffMemberLinksThemselvesWithAOneTimeCode() {
        try (var rapport = start(Map.of(), 20, Duration.ofMinutes(1))) {
            var bo = new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC())
                    .add("Bo", Role.AGENT, "a long enough password".toCharArray(), Language.EN);
            String code = new StaffLinks(rapport.database.jdbi()).issueCode(bo.id());
            var ada = new TelegramChat(rapport, 4108, "en");
            ada.say("/human", 1);
            long thread = topic(rapport, ada.customerId());

            staffSays(rapport, 888, thread, "/link " + code);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> topicTexts(rapport, thread).stream()
                            .anyMatch(text -> text.contains("linked to the staff account Bo")));
            int before = ada.texts().size();
            staffSays(rapport, 888, thread, "Hi, Bo here.");
            assertThat(ada.expect(before, 1)).containsExactly("Hi, Bo here.");

            staffSays(rapport, 889, thread, "/link " + code); // used up
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> topicTexts(rapport, thread).stream()
                            .anyMatch(text -> text.contains("unknown or has expired")));
        }
    }

    @Test
    void resolveClosesTheTicketFromTheTopic() {
        try (var rapport = start(Map.of(), 20, Duration.ofMinutes(1))) {
            var ada = new TelegramChat(rapport, 4109, "en");
            String ticket = ada.complain("The blender came with a small scratch on the lid", "delivery");
            ada.say("/human", 1);
            long thread = topic(rapport, ada.customerId());
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> rapport.telegram.calls("createForumTopic").stream()
                            .anyMatch(call -> call.body().path("name").asText().contains(ticket)));

            staffSays(rapport, ALICE, thread, "/resolve " + ticket + " A new blender ships today.");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> topicTexts(rapport, thread)
                            .contains("Ticket " + ticket + " is resolved; the customer has been told."));
            assertThat(TelegramChat.column(rapport, "SELECT status FROM complaints WHERE ticket = ?", ticket))
                    .isEqualTo("resolved");
            assertThat(rapport.count("SELECT count(*) FROM audit_log WHERE action = 'ticket.resolve'"))
                    .isEqualTo(1);
        }
    }
}
