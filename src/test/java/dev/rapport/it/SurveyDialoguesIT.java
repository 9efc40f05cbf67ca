package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.inbox.OutreachQueue;
import dev.rapport.survey.SurveyFeature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole survey dialogues through the webhook and the fake Bot API, in English and Chinese. */
class SurveyDialoguesIT {

    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    private static final String CSAT = "a:survey_feedback.csat:";
    private static final String NPS = "a:survey_feedback.nps:";
    private static final String CES = "a:survey_feedback.ces:";
    private static final String TOPIC = "a:survey_feedback.topic:";
    private static final String LIKED = "a:survey_feedback.liked:";
    private static final String COMMENT = "a:survey_feedback.comment:";

    private static long count(String sql, Object... args) {
        return rapport.count(sql, args);
    }

    @Test
    void theFeedbackSurveyIsAnsweredFullyInEnglish() {
        var chat = new SurveyChat(rapport, 701, "en");
        chat.say("/menu", 1); // the menu that shows the button
        var opening = chat.press("go:feedback", 2);
        assertThat(opening.get(0)).contains("six short questions");
        assertThat(opening.get(1)).contains("how satisfied are you with Rapport");
        assertThat(chat.lastButtons()).containsExactly(List.of(CSAT + 1, CSAT + 2, CSAT + 3, CSAT + 4, CSAT + 5));

        assertThat(chat.press(CSAT + 4, 2))
                .containsExactly(
                        "✓ 4",
                        "How likely are you to recommend us to a friend or colleague? (0 = not at all likely, 10 = extremely likely)");
        assertThat(chat.lastButtons())
                .as("NPS on two rows")
                .containsExactly(
                        List.of(NPS + 0, NPS + 1, NPS + 2, NPS + 3, NPS + 4, NPS + 5),
                        List.of(NPS + 6, NPS + 7, NPS + 8, NPS + 9, NPS + 10));
        assertThat(chat.press(NPS + 10, 2).get(0)).isEqualTo("✓ 10");
        assertThat(chat.lastButtons()).hasSize(1).first().asList().hasSize(7);
        assertThat(chat.say("6", 2).get(0)).as("a typed number answers a scale").isEqualTo("✓ 6");
        assertThat(chat.press(TOPIC + "delivery", 2).get(0)).isEqualTo("✓ A delivery");
        assertThat(chat.lastButtons()).contains(List.of(LIKED + "_done"));
        assertThat(chat.press(LIKED + "service", 2).get(0)).contains("Chosen so far: Friendly service");
        assertThat(chat.press(LIKED + "price", 2).get(0)).contains("Chosen so far: Prices, Friendly service");
        assertThat(chat.press(LIKED + "_done", 2)).first().isEqualTo("✓ Prices, Friendly service");
        assertThat(chat.lastButtons()).containsExactly(List.of(COMMENT + "_skip"));
        assertThat(chat.say("The delivery was fast and the staff were lovely, thank you!", 2))
                .containsExactly("Thank you, I've noted that.", "Thank you for your answers! They help us do better.");

        long customer = chat.customerId();
        assertThat(count("""
                SELECT count(*) FROM survey_responses WHERE customer_id = ? AND survey_id = 'feedback'
                  AND status = 'completed' AND trigger = 'menu' AND tier = 'small' AND channel = 'telegram'
                  AND language = 'en' AND finished_at IS NOT NULL""", customer)).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                WHERE r.customer_id = ?""", customer)).isEqualTo(6);
        assertThat(answer(customer, "csat", "score")).isEqualTo("4");
        assertThat(answer(customer, "nps", "score")).isEqualTo("10");
        assertThat(answer(customer, "ces", "score")).isEqualTo("6");
        assertThat(answer(customer, "topic", "value")).isEqualTo("delivery");
        assertThat(answer(customer, "liked", "value")).isEqualTo("price,service");
        assertThat(answer(customer, "comment", "value")).startsWith("The delivery was fast");
        assertThat(answer(customer, "comment", "sentiment")).isEqualTo("positive");
        assertThat(count(
                        "SELECT count(*) FROM events WHERE customer_id = ? AND type IN ('survey.started', 'survey.completed')",
                        customer))
                .isEqualTo(2);
    }

    private static String answer(long customer, String question, String column) {
        return rapport.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("""
                        SELECT a.%s::text FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                        WHERE r.customer_id = :customer AND a.question_id = :question""".formatted(column))
                        .bind("customer", customer)
                        .bind("question", question)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void theFeedbackSurveyIsAnsweredInChineseSkippingTheOptionalQuestions() {
        var chat = new SurveyChat(rapport, 702, "zh-hans");
        var opening = chat.say("/feedback", 2);
        assertThat(opening.get(0)).contains("六个小问题");
        assertThat(opening.get(1)).contains("你对Rapport");
        chat.press(CSAT + 2, 2);
        chat.press(NPS + 3, 2);
        chat.press(CES + 2, 2);
        assertThat(chat.press(TOPIC + "refund", 2)).first().isEqualTo("✓ 退货或退款");
        assertThat(chat.press(LIKED + "_done", 2))
                .first()
                .as("done with nothing chosen skips")
                .isEqualTo("已跳过。");
        assertThat(chat.press(COMMENT + "_skip", 2)).containsExactly("已跳过。", "谢谢你的回答！这些意见能帮助我们做得更好。");

        long customer = chat.customerId();
        assertThat(count(
                        "SELECT count(*) FROM survey_responses WHERE customer_id = ? AND status = 'completed' "
                                + "AND language = 'zh'",
                        customer))
                .isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                WHERE r.customer_id = ? AND a.skipped AND a.value IS NULL AND a.question_id IN ('liked', 'comment')""", customer)).isEqualTo(2);
    }

    @Test
    void anInterruptedSurveyIsResumedWhereItWasLeft() {
        var chat = new SurveyChat(rapport, 703, "en");
        chat.say("/feedback", 2);
        chat.press(CSAT + 5, 2);
        chat.press(NPS + 8, 2);
        List<String> help = chat.say("/help", 2);
        assertThat(help.get(0)).contains("/language");
        assertThat(help.get(1)).contains("You were telling us about your feedback");

        var resumed = chat.say("/feedback", 2);
        assertThat(resumed.get(0)).isEqualTo("Welcome back! Let's continue where you left off.");
        assertThat(resumed.get(1)).contains("How easy was it");
        chat.press(CES + 7, 2);
        chat.press(TOPIC + "order", 2);
        chat.press(LIKED + "quality", 2);
        chat.press(LIKED + "_done", 2);
        assertThat(chat.press(COMMENT + "_skip", 2).get(1)).contains("Thank you for your answers");

        long customer = chat.customerId();
        assertThat(count("SELECT count(*) FROM survey_responses WHERE customer_id = ?", customer))
                .as("one response, resumed")
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM survey_responses WHERE customer_id = ? AND status = 'completed'",
                        customer))
                .isEqualTo(1);
        assertThat(answer(customer, "csat", "score")).isEqualTo("5");
        assertThat(answer(customer, "nps", "score")).isEqualTo("8");
        assertThat(count("SELECT count(*) FROM events WHERE customer_id = ? AND type = 'survey.resumed'", customer))
                .isEqualTo(1);
    }

    @Test
    void aSurveyLeftTooLongExpiresKeepsItsAnswersAndSaysSoWhenAnswered() {
        var chat = new SurveyChat(rapport, 704, "zh-hans");
        chat.say("/feedback", 2);
        chat.press(CSAT + 3, 2);
        long customer = chat.customerId();
        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE survey_responses SET started_at = now() - interval '73 hours' WHERE customer_id = ?",
                        customer));

        rapport.runJob(SurveyFeature.EXPIRY_JOB);
        rapport.runJob(SurveyFeature.EXPIRY_JOB); // idempotent: nothing more to expire

        assertThat(count(
                        "SELECT count(*) FROM survey_responses WHERE customer_id = ? AND status = 'expired'", customer))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM events WHERE customer_id = ? AND type = 'survey.expired'", customer))
                .isEqualTo(1);
        assertThat(answer(customer, "csat", "score"))
                .as("partial answers are kept")
                .isEqualTo("3");

        assertThat(chat.press(NPS + 9, 1)).containsExactly("抱歉，这份问卷已经结束，这个回答无法记录了。想说什么随时可以点“提意见”告诉我们。");
        assertThat(count(
                        "SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                                + "WHERE r.customer_id = ? AND a.question_id = 'nps'",
                        customer))
                .isZero();

        var fresh = chat.say("/feedback", 2);
        assertThat(fresh.get(0)).as("a new survey, not a resumed one").contains("六个小问题");
        assertThat(count("SELECT count(*) FROM survey_responses WHERE customer_id = ? AND status = 'open'", customer))
                .isEqualTo(1);
    }

    @Test
    void textWhereAButtonIsExpectedIsAskedAgain() {
        var chat = new SurveyChat(rapport, 705, "en");
        chat.say("/feedback", 2);
        assertThat(chat.say("pretty good I guess", 2))
                .containsExactly(
                        "Please tap one of the buttons, or send a number from 1 to 5.",
                        "Overall, how satisfied are you with Rapport Demo Shop? (1 = very dissatisfied, 5 = very satisfied)");
        assertThat(chat.say("7", 2).get(0)).as("out of the scale").contains("from 1 to 5");
        chat.say("4", 2);
        chat.press(NPS + 7, 2);
        chat.press(CES + 5, 2);
        assertThat(chat.say("blah blah", 2))
                .containsExactly(
                        "Please answer with one of the buttons below.", "What did you contact us about most recently?");
        assertThat(count(
                        "SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                                + "WHERE r.customer_id = ?",
                        chat.customerId()))
                .isEqualTo(3);
    }

    @Test
    void aButtonOfAnEarlierQuestionIsAnsweredAndTheCurrentQuestionRepeated() {
        var chat = new SurveyChat(rapport, 706, "en");
        chat.say("/feedback", 2);
        chat.press(CSAT + 4, 2);
        int answered = rapport.telegram.calls("answerCallbackQuery").size();

        assertThat(chat.press(CSAT + 1, 1)).first().asString().contains("How likely are you to recommend us");
        assertThat(rapport.telegram.calls("answerCallbackQuery")).hasSizeGreaterThan(answered);
        assertThat(answer(chat.customerId(), "csat", "score"))
                .as("the old answer stands")
                .isEqualTo("4");
        assertThat(count("SELECT count(*) FROM events WHERE chat_key = '706' AND type = 'turn.stale_button'"))
                .isEqualTo(1);
    }

    @Test
    void aComplaintFollowUpStartsThroughOutreachWithItsTicketAndIsRecordedUnderItsTrigger() {
        var chat = new SurveyChat(rapport, 707, "en");
        chat.say("/start", 1);
        long customer = chat.customerId();
        boolean queued = rapport.database
                .jdbi()
                .inTransaction(handle -> new OutreachQueue()
                        .start(
                                handle,
                                "complaint-followup:T-42",
                                customer,
                                "survey_complaint_followup",
                                Map.of("ticket", "T-42", "trigger", "complaint:T-42")));
        assertThat(queued).isTrue();

        var opening = chat.await(2);
        assertThat(opening.get(0)).contains("case T-42");
        assertThat(opening.get(1)).contains("How satisfied are you with how we handled it?");
        chat.press("a:survey_complaint_followup.csat:2", 2);
        assertThat(chat.say("It took far too long and nobody called me back.", 2))
                .containsExactly(
                        "Thank you, I've noted that.",
                        "Thank you for your feedback on ticket T-42. I've passed it on to our team.");

        assertThat(count("""
                SELECT count(*) FROM survey_responses
                WHERE customer_id = ? AND survey_id = 'complaint_followup' AND trigger = 'complaint:T-42'
                  AND status = 'completed' AND context ->> 'ticket' = 'T-42'""", customer)).isEqualTo(1);
        assertThat(answer(customer, "comment", "sentiment")).isEqualTo("negative");
    }
}
