package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.complaint.ComplaintDesk;
import dev.rapport.inbox.OutreachQueue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The closed loop after the ticket: SLA breaches found by the scheduled check, the resolution note,
 * the shipped follow-up survey after the configured delay, and what its answer (or silence) does to
 * the ticket. Jobs are run by hand, twice, as a repeat would.
 */
class ComplaintFollowupIT {

    static RunningRapport rapport;
    static ComplaintDesk desk;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
        desk = new ComplaintDesk(rapport.database.jdbi(), new OutreachQueue());
    }

    @AfterAll
    static void stop() {
        if (rapport != null) {
            rapport.close();
        }
    }

    @Test
    void aScoreOfTheFollowupIsStoredAsASurveyResponseUnderTheComplaintTrigger() {
        var chat = new TelegramChat(rapport, 8207, "en");
        String ticket = complain(chat, "The vacuum cleaner arrived without its charger");
        resolveAnHourAgo(chat, ticket, "The charger is on its way.");
        int asked = chat.texts().size();
        rapport.runJob("complaint.followup");
        chat.expect(asked, 2);
        chat.press("a:survey_complaint_followup.csat:1", 2);
        chat.say("Still no charger.", 2);

        assertThat(rapport.count("""
                SELECT count(*) FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
                WHERE r.survey_id = 'complaint_followup' AND r.trigger = ? AND r.status = 'completed'
                  AND a.question_id = 'csat' AND a.score = 1""", "complaint:" + ticket)).isEqualTo(1);
        assertThat(column("SELECT status FROM complaints WHERE ticket = ?", ticket))
                .isEqualTo("reopened");
    }

    static String complain(TelegramChat chat, String words) {
        return chat.complain(words, "product");
    }

    static void sql(String sql, Object... args) {
        rapport.database.jdbi().useHandle(handle -> handle.execute(sql, args));
    }

    static String column(String sql, Object... args) {
        return TelegramChat.column(rapport, sql, args);
    }

    static long history(String ticket, String type) {
        return rapport.count(
                "SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id "
                        + "WHERE c.ticket = ? AND e.type = ?",
                ticket,
                type);
    }

    /** Resolves the ticket, waits for the note, and moves the resolution back past the follow-up delay. */
    static String resolveAnHourAgo(TelegramChat chat, String ticket, String note) {
        int before = chat.texts().size();
        desk.resolve(ticket, note, "alice");
        String said = chat.expect(before, 1).get(0);
        sql("UPDATE complaints SET resolved_at = now() - interval '61 minutes' WHERE ticket = ?", ticket);
        return said;
    }

    @Test
    void theSlaCheckMarksABreachedTicketOnceAndRaisesItsPriority() {
        String late = complain(new TelegramChat(rapport, 8201, "en"), "The blender stopped working after a day");
        String onTime = complain(new TelegramChat(rapport, 8202, "en"), "The blender lid does not fit");
        sql("UPDATE complaints SET due_at = now() - interval '5 minutes' WHERE ticket = ?", late);
        // Where a ticket starts depends on the tier and on how upset the description reads; the breach
        // raises it one step from there, once.
        var steps = java.util.List.of("low", "normal", "high", "urgent");
        String startedAt = column("SELECT priority FROM complaints WHERE ticket = ?", late);
        String raised = steps.get(Math.min(steps.indexOf(startedAt) + 1, steps.size() - 1));
        String onTimeStartedAt = column("SELECT priority FROM complaints WHERE ticket = ?", onTime);

        rapport.runJob("complaint.sla_check");
        rapport.runJob("complaint.sla_check");

        assertThat(column(
                        "SELECT priority || '|' || (sla_breached_at IS NOT NULL) FROM complaints WHERE ticket = ?",
                        late))
                .isEqualTo(raised + "|true");
        assertThat(history(late, "sla_breached")).isEqualTo(1);
        assertThat(rapport.count(
                        "SELECT count(*) FROM events WHERE type = 'complaint.sla_breached' "
                                + "AND data ->> 'ticket' = ?",
                        late))
                .isEqualTo(1);
        assertThat(column(
                        "SELECT priority || '|' || (sla_breached_at IS NOT NULL) FROM complaints WHERE ticket = ?",
                        onTime))
                .isEqualTo(onTimeStartedAt + "|false");
        assertThat(history(onTime, "sla_breached")).isZero();
    }

    @Test
    void theFollowupIsQueuedOnceAfterTheDelayAndALowScoreReopensAndEscalates() {
        var chat = new TelegramChat(rapport, 8203, "en");
        String ticket = complain(chat, "The kettle leaks from the bottom");
        // The opening priority follows the NLU's reading of the first message; reopening raises it a step.
        List<String> ladder = List.of("low", "normal", "high", "urgent");
        String opened = column("SELECT priority FROM complaints WHERE ticket = ?", ticket);
        String raisedOnReopen = ladder.get(Math.min(ladder.indexOf(opened) + 1, ladder.size() - 1));
        int before = chat.texts().size();
        desk.resolve(ticket, "We are sending you a new kettle today.", "alice");
        assertThat(chat.expect(before, 1).get(0)).contains(ticket, "We are sending you a new kettle today.");

        rapport.runJob("complaint.followup"); // resolved just now: not yet
        assertThat(rapport.count("SELECT count(*) FROM inbound_updates WHERE kind = 'outreach' "
                        + "AND payload ->> 'flow' = 'survey_complaint_followup'"))
                .isZero();

        sql("UPDATE complaints SET resolved_at = now() - interval '61 minutes' WHERE ticket = ?", ticket);
        int asked = chat.texts().size();
        rapport.runJob("complaint.followup");
        rapport.runJob("complaint.followup");
        assertThat(rapport.count(
                        "SELECT count(*) FROM inbound_updates WHERE kind = 'outreach' AND payload ->> 'key' = ?",
                        "complaint-followup:" + ticket))
                .isEqualTo(1);
        assertThat(history(ticket, "followup_sent")).isEqualTo(1);
        assertThat(chat.expect(asked, 2).get(0)).contains("case " + ticket);

        assertThat(chat.press("a:survey_complaint_followup.csat:2", 2).get(1)).contains("add anything");
        String reply = chat.say("Nobody called me back and the new kettle leaks too.", 2)
                .get(1);
        assertThat(reply).contains("reopened your ticket " + ticket);
        assertThat(column(
                        "SELECT status || '|' || csat || '|' || priority || '|' || (due_at > now()) "
                                + "|| '|' || (followup_answered_at IS NOT NULL) FROM complaints WHERE ticket = ?",
                        ticket))
                .isEqualTo("reopened|2|" + raisedOnReopen + "|true|true");
        assertThat(history(ticket, "service_recovery")).isEqualTo(1);
        assertThat(rapport.count(
                        "SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id "
                                + "WHERE c.ticket = ? AND e.to_status = 'reopened' AND e.actor = 'customer' "
                                + "AND e.reason = 'follow-up CSAT 2'",
                        ticket))
                .isEqualTo(1);
        // The comment was strongly negative, so the chat was already marked for a person by the time the
        // score reopened the ticket: the first reason stands, the request is recorded with its own.
        assertThat(column("SELECT escalation_reason FROM conversations WHERE chat_key = '8203'"))
                .isNotBlank();
        assertThat(column("SELECT personal ->> 'reason' FROM events WHERE chat_key = '8203' "
                        + "AND type = 'conversation.escalation_requested'"))
                .contains("complaint " + ticket, "CSAT 2");
        assertThat(rapport.count("SELECT count(*) FROM events WHERE chat_key = '8203' "
                        + "AND type = 'conversation.escalation_requested'"))
                .isEqualTo(1);
        // ... and the chat is now with a person: one open handoff, for the low follow-up score.
        assertThat(rapport.count("SELECT count(*) FROM handoffs WHERE chat_key = '8203' AND state = 'waiting' "
                        + "AND reasons @> '[{\"reason\": \"low_followup_csat\"}]'"))
                .isEqualTo(1);
    }

    @Test
    void aHighScoreClosesTheTicketInChinese() {
        var chat = new TelegramChat(rapport, 8204, "zh-hans");
        String ticket = complain(chat, "收到的杯子有裂缝");
        assertThat(resolveAnHourAgo(chat, ticket, "新杯子已经寄出，单号 SF1234。")).contains("关于你的投诉 " + ticket, "新杯子已经寄出");
        int asked = chat.texts().size();
        rapport.runJob("complaint.followup");
        assertThat(chat.expect(asked, 2).get(0)).contains("编号 " + ticket);

        chat.press("a:survey_complaint_followup.csat:5", 2);
        assertThat(chat.say("处理得很快，谢谢！", 2).get(1)).contains("谢谢", ticket, "已结案");
        assertThat(column(
                        "SELECT status || '|' || csat || '|' || (closed_at IS NOT NULL) FROM complaints "
                                + "WHERE ticket = ?",
                        ticket))
                .isEqualTo("closed|5|true");
        assertThat(rapport.count(
                        "SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id "
                                + "WHERE c.ticket = ? AND e.to_status = 'closed' AND e.actor = 'customer'",
                        ticket))
                .isEqualTo(1);
        assertThat(column("SELECT coalesce(escalation_reason, '(none)') FROM conversations WHERE chat_key = '8204'"))
                .isEqualTo("(none)");
    }

    @Test
    void anUnansweredFollowupClosesTheTicketAfterTheConfiguredTime() {
        var chat = new TelegramChat(rapport, 8205, "en");
        String ticket = complain(chat, "The toaster burns everything");
        resolveAnHourAgo(chat, ticket, "A technician will call you tomorrow.");
        int asked = chat.texts().size();
        rapport.runJob("complaint.followup");
        chat.expect(asked, 2);

        rapport.runJob("complaint.close_unanswered"); // sent just now: not yet
        assertThat(column("SELECT status FROM complaints WHERE ticket = ?", ticket))
                .isEqualTo("resolved");

        sql("UPDATE complaints SET followup_sent_at = now() - interval '73 hours' WHERE ticket = ?", ticket);
        rapport.runJob("complaint.close_unanswered");
        rapport.runJob("complaint.close_unanswered");
        assertThat(column("SELECT status FROM complaints WHERE ticket = ?", ticket))
                .isEqualTo("closed");
        assertThat(rapport.count(
                        "SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id "
                                + "WHERE c.ticket = ? AND e.to_status = 'closed' AND e.actor = 'system:complaint.close_unanswered'",
                        ticket))
                .isEqualTo(1);
    }

    @Test
    void aCustomerWhoOptedOutGetsNoSurveyAndTheTicketStillCloses() {
        var chat = new TelegramChat(rapport, 8206, "en");
        String ticket = complain(chat, "The parcel was opened before it reached me");
        chat.say("/stop", 1);
        resolveAnHourAgo(chat, ticket, "We have refunded the order.");

        rapport.runJob("complaint.followup");
        assertThat(rapport.count(
                        "SELECT count(*) FROM inbound_updates WHERE kind = 'outreach' AND payload ->> 'key' = ?",
                        "complaint-followup:" + ticket))
                .isZero();
        assertThat(history(ticket, "followup_skipped")).isEqualTo(1);

        sql("UPDATE complaints SET followup_sent_at = now() - interval '73 hours' WHERE ticket = ?", ticket);
        rapport.runJob("complaint.close_unanswered");
        assertThat(column("SELECT status FROM complaints WHERE ticket = ?", ticket))
                .isEqualTo("closed");
    }
}
