package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.channel.Reply;
import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.config.RapportConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ordering, rates, unreachable customers, leases and shutting down, with real threads and HTTP. */
class OutboxSenderConcurrencyTest {

    private final OutboxFixture fixture = new OutboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void eachChatGetsItsMessagesInOrderWhileChatsAreServedInParallel() {
        int chats = 40;
        int perChat = 5;
        fixture.telegram.delay(Duration.ofMillis(20));
        Map<Long, List<String>> expected = new HashMap<>();
        for (int message = 0; message < perChat; message++) {
            for (long chat = 1; chat <= chats; chat++) {
                String text = "chat " + chat + " message " + message;
                fixture.enqueue("c" + chat + ":" + message, chat, text);
                expected.computeIfAbsent(chat, key -> new ArrayList<>()).add(text);
            }
        }

        fixture.sender(OutboxFixture.FAST);

        fixture.telegram.awaitCalls("sendMessage", chats * perChat, OutboxFixture.PATIENCE);
        for (long chat = 1; chat <= chats; chat++) {
            assertThat(fixture.telegram.sentTexts(chat)).as("chat %d", chat).isEqualTo(expected.get(chat));
        }
        assertThat(fixture.telegram.mostConcurrentCalls())
                .as("chats sent to at the same time")
                .isGreaterThan(2);
    }

    @Test
    void aChatsRateIsHonouredWithoutSlowingOtherChatsOrButtonAnswers() {
        var oneASecond = new RapportConfig.Outbox(1, 1, 10_000, 5, 8);
        for (int i = 0; i < 3; i++) {
            fixture.enqueue("a" + i, 1, "to chat 1, " + i);
            fixture.enqueue("b" + i, 2, "to chat 2, " + i);
        }
        fixture.enqueue(new Outgoing("answer", "telegram", "1", null, new Reply.ButtonAnswer("cb-1", null)));
        Instant started = Instant.now();

        fixture.sender(oneASecond);

        var calls = fixture.telegram.awaitCalls("sendMessage", 6, OutboxFixture.PATIENCE);
        Map<Long, List<Instant>> arrivals = calls.stream()
                .collect(Collectors.groupingBy(
                        FakeTelegramApi.Call::chatId,
                        Collectors.mapping(FakeTelegramApi.Call::at, Collectors.toList())));
        for (long chat : List.of(1L, 2L)) {
            List<Instant> at = arrivals.get(chat);
            assertThat(Duration.between(started, at.get(2)))
                    .as("chat %d", chat)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            // Tokens are a second apart when the calls start; arrivals vary by the call's latency.
            assertThat(Duration.between(at.get(0), at.get(1))).isGreaterThan(Duration.ofMillis(700));
            assertThat(Duration.between(at.get(1), at.get(2))).isGreaterThan(Duration.ofMillis(700));
        }
        assertThat(arrivals.get(2L).get(0))
                .as("chat 2 did not wait for chat 1's rate")
                .isBefore(arrivals.get(1L).get(1));
        var answer = fixture.telegram.calls("answerCallbackQuery").get(0);
        assertThat(answer.at())
                .as("the button answer did not wait for chat 1's rate")
                .isBefore(arrivals.get(1L).get(1));
    }

    @Test
    void aBlockedCustomerIsMarkedUnreachableAndTheChatsOtherRepliesAreSkipped() throws InterruptedException {
        long customer = fixture.customerWithTelegramChat(42);
        fixture.telegram.block(42);
        for (int i = 1; i <= 3; i++) {
            fixture.enqueue("blocked-" + i, 42, "Hello " + i);
            fixture.enqueue("other-" + i, 43, "Hello " + i);
        }

        var sender = fixture.sender(OutboxFixture.FAST);

        fixture.awaitStatus("blocked-3", "skipped");
        fixture.awaitStatus("other-3", "sent");
        assertThat(fixture.status("blocked-1")).isEqualTo("dead");
        assertThat(fixture.status("blocked-2")).isEqualTo("skipped");
        assertThat((String) fixture.row("blocked-2").get("last_error")).contains("blocked by the user");
        assertThat(fixture.telegram.calls("sendMessage").stream().filter(call -> call.chatId() == 42))
                .hasSize(1);
        assertThat(fixture.telegram.sentTexts(43)).containsExactly("Hello 1", "Hello 2", "Hello 3");
        var account = fixture.database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT unreachable_at, unreachable_reason FROM channel_accounts WHERE chat_key = '42'")
                        .mapToMap()
                        .one());
        assertThat(account.get("unreachable_at")).isNotNull();
        assertThat((String) account.get("unreachable_reason")).contains("Forbidden: bot was blocked by the user");
        var events = fixture.events("customer.unreachable");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("customer_id")).isEqualTo(customer);

        fixture.enqueue("blocked-later", 42, "A new offer"); // a later turn still replies
        sender.wake();
        fixture.awaitStatus("blocked-later", "skipped");
        assertThat(sender.awaitIdle(OutboxFixture.PATIENCE)).isTrue();
        assertThat(fixture.telegram.calls("sendMessage").stream().filter(call -> call.chatId() == 42))
                .hasSize(1);
    }

    @Test
    void aBlockedChatWithoutAChannelAccountStillSkipsItsQueuedReplies() {
        fixture.telegram.block(77);
        fixture.enqueue("x1", 77, "one");
        fixture.enqueue("x2", 77, "two");

        fixture.sender(OutboxFixture.FAST);

        fixture.awaitStatus("x2", "skipped");
        assertThat(fixture.status("x1")).isEqualTo("dead");
        var events = fixture.events("customer.unreachable");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("customer_id")).isNull();
    }

    @Test
    void twoSendersOnOneDatabaseSendEveryRowExactlyOnceAndInOrder() {
        fixture.telegram.delay(Duration.ofMillis(3));
        for (int message = 0; message < 10; message++) {
            for (long chat = 1; chat <= 10; chat++) {
                fixture.enqueue("c" + chat + ":" + message, chat, "chat " + chat + " message " + message);
            }
        }

        fixture.sender(OutboxFixture.FAST);
        fixture.sender(OutboxFixture.FAST);

        fixture.telegram.awaitCalls("sendMessage", 100, OutboxFixture.PATIENCE);
        for (long chat = 1; chat <= 10; chat++) {
            fixture.awaitStatus("c" + chat + ":9", "sent");
        }
        var texts = fixture.telegram.calls("sendMessage").stream()
                .map(FakeTelegramApi.Call::text)
                .toList();
        assertThat(texts).hasSize(100).doesNotHaveDuplicates();
        for (long chat = 1; chat <= 10; chat++) {
            long current = chat;
            assertThat(fixture.telegram.sentTexts(chat))
                    .isEqualTo(java.util.stream.IntStream.range(0, 10)
                            .mapToObj(m -> "chat " + current + " message " + m)
                            .toList());
        }
        int sent = fixture.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM outbox WHERE status = 'sent'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(sent).isEqualTo(100);
    }

    @Test
    void twoSendersOnOneDatabaseSplitTheBotsGlobalRate() {
        var tenASecond = new RapportConfig.Outbox(1000, 1000, 10, 5, 8);
        fixture.sender(tenASecond);
        var second = fixture.sender(tenASecond);
        // Both have written a heartbeat after seeing the other's: each sends at most 5/s from now on.
        java.time.OffsetDateTime bothSeen = await().atMost(OutboxFixture.PATIENCE)
                .until(
                        () -> fixture.database
                                .jdbi()
                                .withHandle(handle -> handle.createQuery(
                                                "SELECT CASE WHEN count(*) = 2 THEN now() END FROM outbox_senders")
                                        .mapTo(java.time.OffsetDateTime.class)
                                        .one()),
                        java.util.Objects::nonNull);
        await().atMost(OutboxFixture.PATIENCE)
                .until(() -> fixture.database
                                .jdbi()
                                .withHandle(handle -> handle.createQuery(
                                                "SELECT count(*) FROM outbox_senders WHERE seen_at > :bothSeen")
                                        .bind("bothSeen", bothSeen)
                                        .mapTo(Integer.class)
                                        .one())
                        == 2);
        for (long chat = 1; chat <= 40; chat++) {
            fixture.enqueue("g" + chat, chat, "campaign " + chat);
        }

        var calls = fixture.telegram.awaitCalls("sendMessage", 40, OutboxFixture.PATIENCE);

        assertThat(calls.stream().map(FakeTelegramApi.Call::text)).hasSize(40).doesNotHaveDuplicates();
        List<Instant> at = calls.stream().map(FakeTelegramApi.Call::at).sorted().toList();
        int busiestSecond = 0;
        for (int first = 0; first < at.size(); first++) {
            int inSecond = 0;
            while (first + inSecond < at.size()
                    && Duration.between(at.get(first), at.get(first + inSecond)).compareTo(Duration.ofSeconds(1)) < 0) {
                inSecond++;
            }
            busiestSecond = Math.max(busiestSecond, inSecond);
        }
        // Together: a burst of 10 and 10/s, so at most 20 in any second. Each at the full rate would
        // send about 40 in the first second.
        assertThat(busiestSecond).as("messages in the busiest second").isLessThanOrEqualTo(22);

        second.close();
        int senders = fixture.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM outbox_senders")
                        .mapTo(Integer.class)
                        .one());
        assertThat(senders).as("a sender that stopped has left the share").isEqualTo(1);
    }

    @Test
    void aRowLeasedByALiveSenderWaitsAndOneWhoseLeaseExpiredIsSentAgain() throws InterruptedException {
        fixture.enqueue("held", 1, "held by another process");
        fixture.enqueue("after-held", 1, "behind it");
        fixture.enqueue("orphaned", 2, "its sender died");
        fixture.lease("held", 3600, "another process");
        fixture.lease("orphaned", -1, "a dead process");

        var sender = fixture.sender(OutboxFixture.FAST);

        fixture.awaitStatus("orphaned", "sent");
        assertThat(sender.awaitIdle(OutboxFixture.PATIENCE))
                .as("looked again, and left the held rows")
                .isTrue();
        assertThat(fixture.status("held")).isEqualTo("pending");
        assertThat(fixture.status("after-held")).isEqualTo("pending");
        assertThat(fixture.telegram.sentTexts(1)).isEmpty();
    }

    @Test
    void closeFinishesTheSendsInFlightRecordsThemAndStopsClaiming() throws InterruptedException {
        fixture.telegram.delay(Duration.ofMillis(600));
        for (long chat = 1; chat <= 5; chat++) {
            fixture.enqueue("k" + chat, chat, "Hello");
        }
        var sender = fixture.sender(OutboxFixture.FAST);
        fixture.telegram.awaitCalls("sendMessage", 5, OutboxFixture.PATIENCE);

        sender.close();

        Map<String, String> statuses = List.of("k1", "k2", "k3", "k4", "k5").stream()
                .collect(Collectors.toMap(Function.identity(), fixture::status));
        assertThat(statuses)
                .allSatisfy((key, status) -> assertThat(status).as(key).isEqualTo("sent"));
        fixture.enqueue("after-close", 9, "Hello");
        sender.wake();
        // close() joined the loop, so nothing can claim any more; the row stays pending however long we look
        await().during(Duration.ofMillis(300))
                .atMost(OutboxFixture.PATIENCE)
                .until(() -> fixture.status("after-close").equals("pending"));
        assertThat(fixture.telegram.calls("sendMessage")).hasSize(5);
    }
}
