package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.cli.Commands;
import dev.rapport.domain.StaffRef;
import dev.rapport.domain.Tier;
import dev.rapport.handoff.ClaimResult;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.handoff.HandoffState;
import dev.rapport.handoff.QueuedHandoff;
import dev.rapport.handoff.TranscriptEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Handing a chat to a person, end to end: through the webhook, the real flows and the fake Bot API,
 * with staff working at the {@link HandoffDesk} as the console does. Business hours are always open
 * in the shipped {@code config/handoff.yaml}; {@link HandoffHoursIT} covers closed hours and reminders.
 */
class HandoffIT {

    static final StaffRef ALICE = new StaffRef(1, "Alice");
    static final StaffRef BOB = new StaffRef(2, "Bob");
    /** Long enough for a turn and a send to have happened, had the bot wanted to answer. */
    static final Duration SILENCE = Duration.ofMillis(1500);

    static RunningRapport rapport;
    static Shop shop;
    static HandoffDesk desk;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
        shop = new Shop(rapport);
        desk = rapport.app().handoffs();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    static long openHandoff(long chat) {
        return rapport.count("SELECT id FROM handoffs WHERE chat_key = ? AND state <> 'closed'", String.valueOf(chat));
    }

    static long handoffs(long chat) {
        return rapport.count("SELECT count(*) FROM handoffs WHERE chat_key = ?", String.valueOf(chat));
    }

    /** Update ids of texts this class posts itself, apart from those {@link TelegramChat} uses. */
    static final java.util.concurrent.atomic.AtomicLong UPDATE_IDS =
            new java.util.concurrent.atomic.AtomicLong(8_000_000);

    /** Waits until the chat has received a text containing {@code fragment}; returns the chat's texts. */
    static List<String> awaitText(TelegramChat chat, String fragment) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> chat.texts().stream().anyMatch(text -> text.contains(fragment)));
        return chat.texts();
    }

    static int indexOf(List<String> texts, String fragment) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /** Posts a text and holds: the chat receives nothing more. */
    static void saySilently(TelegramChat chat, String text) {
        int before = chat.texts().size();
        long received = rapport.count(
                "SELECT count(*) FROM messages WHERE chat_key = ? AND direction = 'in'", String.valueOf(chat.chat));
        rapport.postUpdate(Updates.text(UPDATE_IDS.incrementAndGet(), chat.chat, text));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rapport.count(
                                "SELECT count(*) FROM messages WHERE chat_key = ? AND direction = 'in'",
                                String.valueOf(chat.chat))
                        > received);
        await().during(SILENCE)
                .atMost(SILENCE.plusSeconds(5))
                .until(() -> chat.texts().size() == before);
    }

    @Test
    void askingForAPersonOpensOneHandoffAndTellsThePlaceInTheQueueInEnglishAndChinese() {
        var english = new TelegramChat(rapport, 9001, "en");
        assertThat(english.say("/human", 1).get(0)).contains("member of our staff", "in the queue", "min");
        long id = openHandoff(9001);
        assertThat(desk.find(id)).get().satisfies(handoff -> {
            assertThat(handoff.state()).isEqualTo(HandoffState.WAITING);
            assertThat(handoff.reasons()).extracting(reason -> reason.reason()).containsExactly("asked_for_person");
            assertThat(handoff.priority()).isEqualTo("high");
        });
        // Asking again while waiting: still one handoff, and the bot stays silent.
        saySilently(english, "I want to talk to a real person");
        assertThat(handoffs(9001)).isEqualTo(1);

        var chinese = new TelegramChat(rapport, 9002, "zh-hans");
        chinese.say("你好", 1);
        assertThat(chinese.press("go:human", 1).get(0)).contains("人工客服", "排在第");
        assertThat(handoffs(9002)).isEqualTo(1);

        var byWords = new TelegramChat(rapport, 9003, "en");
        assertThat(byWords.say("can I talk to a real person please", 1).get(0)).contains("in the queue");
        assertThat(desk.find(openHandoff(9003)).orElseThrow().reasons().get(0).detail())
                .contains("talk to a real person");
        assertThat(rapport.count("SELECT count(*) FROM events WHERE type = 'handoff.opened' AND chat_key IN "
                        + "('9001', '9002', '9003')"))
                .isEqualTo(3);
    }

    @Test
    void whileAPersonHasTheChatTheBotIsSilentAndTheMessageReachesTheQueueAndTranscript() {
        var chat = new TelegramChat(rapport, 9011, "en");
        chat.say("/human", 1);
        long id = openHandoff(9011);
        assertThat(desk.claim(id, ALICE).outcome()).isEqualTo(ClaimResult.Outcome.CLAIMED);

        saySilently(chat, "Hello? My parcel never arrived");
        saySilently(chat, "/help"); // commands too go to the person

        QueuedHandoff queued = desk.queue().stream()
                .filter(handoff -> handoff.id() == id)
                .findFirst()
                .orElseThrow();
        assertThat(queued.state()).isEqualTo(HandoffState.CLAIMED);
        assertThat(queued.owner()).isEqualTo(ALICE);
        assertThat(queued.lastCustomerText()).isEqualTo("/help");
        assertThat(queued.lastCustomerAt()).isNotNull();
        assertThat(rapport.count("SELECT count(*) FROM messages WHERE handoff_id = ? AND direction = 'in'", id))
                .isEqualTo(2);

        List<TranscriptEntry> transcript = desk.transcript(queued.customerId(), 50, null);
        assertThat(transcript)
                .extracting(TranscriptEntry::kind, TranscriptEntry::text)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        TranscriptEntry.Kind.CUSTOMER, "Hello? My parcel never arrived"));
        assertThat(transcript)
                .filteredOn(entry -> "handoff.claimed".equals(entry.eventType()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.staff()).isEqualTo(ALICE));
        // Oldest first, and a page back from the newest message holds what came before it.
        assertThat(transcript.get(0).at())
                .isBeforeOrEqualTo(transcript.get(transcript.size() - 1).at());
        Long newest = transcript.stream()
                .filter(entry -> entry.messageId() != null)
                .reduce((first, second) -> second)
                .orElseThrow()
                .messageId();
        assertThat(desk.transcript(queued.customerId(), 50, newest))
                .extracting(TranscriptEntry::messageId)
                .doesNotContain(newest)
                .contains(transcript.get(0).messageId());
    }

    @Test
    void aStaffReplyReachesTheCustomerOnceEvenAfterARetriedSendAndANoteNever() {
        var chat = new TelegramChat(rapport, 9021, "en");
        chat.say("/human", 1);
        long id = openHandoff(9021);
        desk.note(id, ALICE, "Customer sounds worried: check the courier first");

        rapport.telegram.failNext(1, 502);
        desk.reply(id, ALICE, "Hi Ada, this is Alice. Let me check your parcel."); // replying claims a waiting chat
        await().atMost(Duration.ofSeconds(15)).until(() -> chat.texts().size() == 2);
        await().during(SILENCE)
                .atMost(SILENCE.plusSeconds(5))
                .until(() -> chat.texts().size() == 2);
        assertThat(chat.texts().get(1)).isEqualTo("Hi Ada, this is Alice. Let me check your parcel.");
        assertThat(rapport.telegram.calls("sendMessage").stream()
                        .filter(call -> call.chatId() != null && call.chatId() == 9021 && !call.succeeded()))
                .isNotEmpty();
        assertThat(chat.texts()).noneMatch(text -> text.contains("courier"));

        var handoff = desk.find(id).orElseThrow();
        assertThat(handoff.owner()).isEqualTo(ALICE);
        assertThat(handoff.firstResponseTime()).isNotNull();
        assertThat(rapport.count(
                        "SELECT count(*) FROM messages WHERE handoff_id = ? AND staff_id = 1 "
                                + "AND staff_name = 'Alice' AND direction = 'out'",
                        id))
                .isEqualTo(1);
        assertThat(desk.transcript(handoff.customerId(), 20, null))
                .extracting(TranscriptEntry::kind)
                .contains(TranscriptEntry.Kind.NOTE, TranscriptEntry.Kind.STAFF);
        assertThat(rapport.count(
                        "SELECT count(*) FROM events WHERE type IN ('handoff.note', 'handoff.reply') "
                                + "AND (data ->> 'handoff_id')::bigint = ? AND (data ->> 'staff_id')::bigint = 1",
                        id))
                .isEqualTo(2);
    }

    @Test
    void twoStaffClaimingAtOnceExactlyOneWinsAndTheOtherLearnsWho() throws Exception {
        var chat = new TelegramChat(rapport, 9031, "en");
        chat.say("/human", 1);
        long id = openHandoff(9031);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var ready = new CountDownLatch(2);
            var go = new CountDownLatch(1);
            List<Future<ClaimResult>> claims = List.of(ALICE, BOB).stream()
                    .map(staff -> pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return desk.claim(id, staff);
                    }))
                    .toList();
            ready.await();
            go.countDown();
            ClaimResult first = claims.get(0).get();
            ClaimResult second = claims.get(1).get();
            assertThat(List.of(first.won(), second.won())).containsExactlyInAnyOrder(true, false);
            ClaimResult winner = first.won() ? first : second;
            ClaimResult loser = first.won() ? second : first;
            assertThat(loser.outcome()).isEqualTo(ClaimResult.Outcome.TAKEN);
            assertThat(loser.owner()).isEqualTo(winner.owner());
            assertThat(rapport.count(
                            "SELECT count(*) FROM events WHERE type = 'handoff.claimed' "
                                    + "AND (data ->> 'handoff_id')::bigint = ?",
                            id))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        desk.transfer(id, ALICE, BOB);
        assertThat(desk.find(id).orElseThrow().owner()).isEqualTo(BOB);
        assertThat(desk.claim(id, BOB).outcome()).isEqualTo(ClaimResult.Outcome.ALREADY_YOURS);
    }

    @Test
    void afterTheHandBackTheBotAnswersAgainAndAskedHowItWentALowScoreGoesToAManager() {
        var chat = new TelegramChat(rapport, 9041, "en");
        chat.say("/human", 1);
        long id = openHandoff(9041);
        desk.reply(id, BOB, "Sorted: a new parcel is on its way.");
        chat.expect(1, 1);
        desk.handBack(id, BOB);
        List<String> back = chat.expect(2, 3); // back, survey intro, the question
        assertThat(back.get(0)).contains("handed this chat back to me");
        assertThat(back.get(2)).contains("How happy are you with the help");
        var handoff = desk.find(id).orElseThrow();
        assertThat(handoff.state()).isEqualTo(HandoffState.CLOSED);
        assertThat(handoff.closedBy()).isEqualTo(BOB);
        assertThat(handoff.handlingTime()).isNotNull();

        chat.press("a:survey_handoff_csat.csat:1", 1);
        List<String> answered = awaitText(chat, "asked a manager");
        assertThat(indexOf(answered, "sorry it wasn't better")).isLessThan(indexOf(answered, "asked a manager"));
        long manager = openHandoff(9041);
        assertThat(manager).isNotEqualTo(id);
        assertThat(desk.find(manager).orElseThrow()).satisfies(again -> {
            assertThat(again.forManager()).isTrue();
            assertThat(again.priority()).isEqualTo("urgent");
            assertThat(again.reasons()).extracting(reason -> reason.reason()).containsExactly("low_handoff_csat");
        });
        assertThat(rapport.count("SELECT csat FROM handoffs WHERE id = ?", id)).isEqualTo(1);

        // A manager's handoff handed back without a reply: no second survey; the bot simply answers again.
        desk.handBack(manager, ALICE);
        int before = chat.texts().size();
        assertThat(chat.expect(before, 1).get(0)).contains("handed this chat back to me");
        assertThat(chat.say("/help", 1).get(0)).isNotBlank();
    }

    @Test
    void aHappyScoreIsThankedInChinese() {
        var chat = new TelegramChat(rapport, 9042, "zh-hans");
        chat.say("转人工", 1);
        long id = openHandoff(9042);
        assertThat(desk.find(id).orElseThrow().language().code()).isEqualTo("zh");
        desk.reply(id, ALICE, "你好，我是客服 Alice，已经帮你处理好了。");
        chat.expect(1, 1);
        desk.handBack(id, ALICE);
        assertThat(chat.expect(2, 3).get(0)).contains("交回给我");
        chat.press("a:survey_handoff_csat.csat:5", 1);
        awaitText(chat, "谢谢你的反馈");
        await().during(SILENCE).atMost(SILENCE.plusSeconds(5)).until(() -> handoffs(9042) == 1);
    }

    @Test
    void anOfferCampaignWaitsWhileAPersonHasTheChatAndIsSentAfterTheHandBack() {
        var chat = new TelegramChat(rapport, 9051, "en");
        shop.customer(9051, "ordinary", "en");
        chat.say("/human", 1);
        long id = openHandoff(9051);
        desk.claim(id, ALICE);

        new Commands(rapport.database, rapport.config()).campaignSend("spring_sale", "ordinary", false);
        rapport.runJob("offer.campaign_sends");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rapport.count(
                                "SELECT count(*) FROM events WHERE chat_key = '9051' AND type = 'outreach.waiting'")
                        == 1);
        await().during(SILENCE)
                .atMost(SILENCE.plusSeconds(5))
                .until(() -> chat.texts().size() == 1);

        desk.handBack(id, ALICE); // nobody replied: no survey, the bot says it is back and the offer follows
        List<String> after = awaitText(chat, "Spring sale");
        assertThat(indexOf(after, "handed this chat back to me")).isEqualTo(1);
        assertThat(indexOf(after, "We have something for you")).isEqualTo(2);
    }

    @Test
    void stopStillWorksWhileAPersonHasTheChat() {
        var chat = new TelegramChat(rapport, 9061, "en");
        chat.say("/human", 1);
        long id = openHandoff(9061);
        assertThat(chat.say("/stop", 1).get(0)).isNotBlank();
        assertThat(rapport.count("SELECT count(*) FROM customers c JOIN channel_accounts a ON a.customer_id = c.id "
                        + "WHERE a.chat_key = '9061' AND c.opted_out_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(desk.find(id).orElseThrow().open()).isTrue();
    }

    @Test
    void theQueueServesKeyCustomersFirstThenTheLongestWaiting() {
        var small = new TelegramChat(rapport, 9071, "en");
        shop.customer(9071, "small", "en");
        var key = new TelegramChat(rapport, 9072, "en");
        shop.customer(9072, "key", "en");
        var major = new TelegramChat(rapport, 9073, "en");
        shop.customer(9073, "major", "en");
        small.say("/human", 1);
        major.say("/human", 1);
        key.say("/human", 1);

        List<Long> order = desk.queue().stream().map(QueuedHandoff::id).toList();
        long keyId = openHandoff(9072);
        long majorId = openHandoff(9073);
        long smallId = openHandoff(9071);
        assertThat(order.indexOf(keyId)).isLessThan(order.indexOf(majorId));
        assertThat(order.indexOf(majorId)).isLessThan(order.indexOf(smallId));
        assertThat(desk.find(keyId).orElseThrow().tier()).isEqualTo(Tier.KEY);
        assertThat(desk.forCustomer(desk.find(smallId).orElseThrow().customerId()))
                .hasSize(1);

        // Auto-assignment hands out the front of the queue and respects the agent's capacity.
        var assigned = desk.assignNext(new StaffRef(7, "Carol"), 1);
        assertThat(assigned).isPresent();
        assertThat(desk.assignNext(new StaffRef(7, "Carol"), 1)).isEmpty();
    }

    @Test
    void aComplaintFromAKeyCustomerAndAnSlaBreachHandTheChatToAPerson() {
        var key = new TelegramChat(rapport, 9081, "en");
        shop.customer(9081, "key", "en");
        String ticket = key.complain("The espresso machine leaks all over the counter", "product");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> key.texts().stream().anyMatch(text -> text.contains("in the queue")));
        assertThat(desk.find(openHandoff(9081)).orElseThrow().reasons())
                .extracting(reason -> reason.reason())
                .containsExactly("complaint");
        assertThat(ticket).isNotBlank();

        var ordinary = new TelegramChat(rapport, 9082, "en");
        shop.customer(9082, "ordinary", "en");
        String late = ordinary.complain("The toaster arrived dented", "product");
        assertThat(handoffs(9082)).isZero(); // an ordinary customer's complaint follows its SLA
        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE complaints SET due_at = now() - interval '5 minutes' WHERE ticket = ?", late));
        int before = ordinary.texts().size();
        rapport.runJob("complaint.sla_check");
        assertThat(ordinary.expect(before, 1).get(0)).contains("in the queue");
        assertThat(desk.find(openHandoff(9082)).orElseThrow()).satisfies(handoff -> {
            assertThat(handoff.priority()).isEqualTo("urgent");
            assertThat(handoff.reasons().get(0).detail()).contains(late);
        });
    }

    @Test
    void anAngryMessageOutsideADialogueHandsOverAndAnAngryComplaintAfterItIsTakenDown() {
        var refund = new TelegramChat(rapport, 9091, "en");
        refund.say("I want my money back now, you are thieves, worst experience ever", 1);
        assertThat(indexOf(awaitText(refund, "in the queue"), "in the queue")).isEqualTo(1);
        assertThat(desk.find(openHandoff(9091)).orElseThrow().reasons())
                .extracting(reason -> reason.reason())
                .containsExactly("strongly_negative");

        var angry = new TelegramChat(rapport, 9092, "en");
        angry.say("This is the worst service ever!!! You are scammers, I am furious", 1); // the complaint dialogue
        assertThat(handoffs(9092)).isZero();
        angry.press("a:complaint.order:skip", 1);
        angry.press("a:complaint.category:service", 1);
        List<String> opened = awaitText(angry, "in the queue");
        assertThat(String.join("\n", opened)).containsPattern("C-\\d{6}-\\d{4}");
        assertThat(handoffs(9092)).isEqualTo(1);
    }
}
