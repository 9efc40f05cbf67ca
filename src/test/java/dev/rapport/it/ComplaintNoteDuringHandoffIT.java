package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.cli.Commands;
import dev.rapport.complaint.ComplaintDesk;
import dev.rapport.domain.StaffRef;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.inbox.OutreachQueue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A staff member resolves the complaint of a customer whose chat they have: the resolution note reaches
 * the customer at once, during the handoff, exactly once — while an offer campaign, the complaint's
 * follow-up survey and the post-handoff CSAT still wait for the hand-back. Through the webhook, the
 * real flows and the fake Bot API, with staff at the {@link HandoffDesk} and {@link ComplaintDesk} as the
 * console does.
 */
class ComplaintNoteDuringHandoffIT {

    static final StaffRef ALICE = new StaffRef(1, "Alice");
    /** Long enough for a turn and a send to have happened, had the bot wanted to say something. */
    static final Duration SILENCE = Duration.ofMillis(1500);
    /** How the resolution note begins (flow complaint_resolved). */
    static final String NOTE = "An update on your complaint ";

    static RunningRapport rapport;
    static HandoffDesk handoffs;
    static ComplaintDesk complaints;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
        handoffs = rapport.app().handoffs();
        complaints = new ComplaintDesk(rapport.database.jdbi(), new OutreachQueue());
    }

    @AfterAll
    static void stop() {
        if (rapport != null) {
            rapport.close();
        }
    }

    static long count(TelegramChat chat, String fragment) {
        return chat.texts().stream().filter(text -> text.contains(fragment)).count();
    }

    static long waiting(String chat, String flow) {
        return rapport.count(
                "SELECT count(*) FROM events WHERE chat_key = ? AND type = 'outreach.waiting' "
                        + "AND data ->> 'flow' = ?",
                chat,
                flow);
    }

    @Test
    void theResolutionNoteReachesTheCustomerDuringTheHandoffWhileTheOfferAndSurveysWait() {
        var chat = new TelegramChat(rapport, 9301, "en");
        new Shop(rapport).customer(9301, "ordinary", "en");
        String ticket = chat.complain("The coffee grinder arrived with a cracked hopper", "product");
        int before = chat.texts().size();
        chat.say("/human", 1);
        long id = rapport.count("SELECT id FROM handoffs WHERE chat_key = '9301' AND state <> 'closed'");
        handoffs.claim(id, ALICE);
        handoffs.reply(id, ALICE, "Hi, Alice here. I'm arranging a new hopper for you.");
        chat.expect(before + 1, 1);

        String note = "A new hopper is on its way; it arrives on Friday.";
        complaints.resolve(ticket, note, "alice");
        List<String> told = HandoffIT.awaitText(chat, NOTE + ticket);
        assertThat(handoffs.find(id).orElseThrow().open()).isTrue();
        assertThat(told.get(told.size() - 1)).contains(ticket, note);
        // An offer campaign queued while Alice has the chat (the ticket no longer open) waits for the hand-back.
        new Commands(rapport.database, rapport.config()).campaignSend("spring_sale", "ordinary", false);
        rapport.runJob("offer.campaign_sends");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rapport.count(
                                "SELECT count(*) FROM events WHERE chat_key = '9301' AND type = 'outreach.waiting'")
                        == 1);
        await().during(SILENCE)
                .atMost(SILENCE.plusSeconds(5))
                .until(() -> count(chat, NOTE + ticket) == 1 && count(chat, "Spring sale") == 0);
        // Sent once, and with no menu buttons: the bot starts no flow while Alice has the chat.
        assertThat(rapport.telegram.calls("sendMessage").stream()
                        .filter(call -> call.chatId() != null
                                && call.chatId() == 9301
                                && call.succeeded()
                                && String.valueOf(call.text()).contains(note)))
                .singleElement()
                .satisfies(call -> assertThat(call.body().has("reply_markup")).isFalse());

        // The complaint's follow-up survey, due while Alice still has the chat, waits too.
        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE complaints SET resolved_at = now() - interval '61 minutes' WHERE ticket = ?", ticket));
        rapport.runJob("complaint.followup");
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting("9301", "survey_complaint_followup") == 1);
        await().during(SILENCE).atMost(SILENCE.plusSeconds(5)).until(() -> count(chat, "case " + ticket) == 0);

        // Handed back: the CSAT about Alice comes first; the note is not said again.
        handoffs.handBack(id, ALICE);
        List<String> back = HandoffIT.awaitText(chat, "How happy are you with the help");
        assertThat(HandoffIT.indexOf(back, NOTE + ticket))
                .isLessThan(HandoffIT.indexOf(back, "handed this chat back to me"));
        assertThat(count(chat, "Spring sale")).isZero();
        chat.press("a:survey_handoff_csat.csat:5", 1);
        // Then what waited, in order: the offer, and the complaint's follow-up survey.
        List<String> after = HandoffIT.awaitText(chat, "case " + ticket);
        assertThat(HandoffIT.indexOf(after, "Spring sale"))
                .isBetween(
                        HandoffIT.indexOf(after, "handed this chat back to me"),
                        HandoffIT.indexOf(after, "case " + ticket));
        assertThat(count(chat, NOTE + ticket)).isEqualTo(1);
    }
}
