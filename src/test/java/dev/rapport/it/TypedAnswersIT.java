package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customers type what the buttons say: a typed answer that matches an offered button selects it, in
 * either language, by number or in other words; anything else is asked again; only a command or a
 * request for a person leaves a dialogue, and then it can be continued with nothing lost.
 */
class TypedAnswersIT {

    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    static String ticketOf(String text) {
        return ComplaintDialoguesIT.ticketIn(text);
    }

    static String complaint(String ticket) {
        return TelegramChat.column(
                rapport,
                "SELECT category || '|' || coalesce(order_ref, '-') || '|' || description "
                        + "FROM complaints WHERE ticket = ?",
                ticket);
    }

    @Test
    void theCategoryTypedAsItsLabelOrInOtherWords() {
        var chat = new TelegramChat(rapport, 9101, "en");
        chat.say("/complaint", 1);
        chat.say("The parcel was left in the rain", 1);
        chat.press("a:complaint.order:skip", 1);
        String opened = chat.say("Delivery", 1).get(0);
        assertThat(complaint(ticketOf(opened))).isEqualTo("delivery|-|The parcel was left in the rain");

        chat.say("/complaint", 1);
        chat.say("I was charged twice", 1);
        chat.say("skip", 1);
        assertThat(complaint(ticketOf(chat.say("billing", 1).get(0)))).isEqualTo("billing|-|I was charged twice");

        chat.say("/complaint", 1);
        chat.say("Nobody answered the phone", 1);
        chat.say("my order is #4455-99", 1);
        List<String> again = chat.say("bananas", 2);
        assertThat(again.get(0)).contains("choose one of the buttons");
        assertThat(again.get(1)).contains("What is your complaint about?");
        assertThat(complaint(ticketOf(chat.say("3", 1).get(0)))).isEqualTo("service|4455-99|Nobody answered the phone");
    }

    @Test
    void inChineseWithFullWidthDigits() {
        var chat = new TelegramChat(rapport, 9102, "zh-hans");
        chat.say("/complaint", 1);
        chat.say("快递员把箱子扔在门口，东西摔坏了", 1);
        assertThat(chat.say("订单号是１２３４５", 1).get(0)).contains("哪方面");
        String opened = chat.say("物流配送", 1).get(0);
        assertThat(complaint(ticketOf(opened))).isEqualTo("delivery|12345|快递员把箱子扔在门口，东西摔坏了");
    }

    @Test
    void theCancelDialogueTakesTheReasonInWords() {
        var zh = new TelegramChat(rapport, 9103, "zh-hans");
        List<String> asked = zh.say("我想注销我的账户", 2);
        assertThat(asked.get(1)).contains("原因");
        assertThat(zh.say("太贵了", 1).get(0)).contains("价格");
        assertThat(rapport.count(
                        "SELECT count(*) FROM complaints c JOIN channel_accounts a ON a.customer_id = c.customer_id "
                                + "WHERE a.chat_key = '9103'"))
                .isZero();

        var en = new TelegramChat(rapport, 9104, "en");
        en.say("I want to cancel my account", 2);
        assertThat(en.say("too expensive", 1).get(0)).contains("price");
    }

    @Test
    void aCommandLeavesTheComplaintAndItCanBeContinuedWithNothingLost() {
        var chat = new TelegramChat(rapport, 9105, "en");
        chat.say("/complaint", 1);
        chat.say("The blender stopped working after two days", 1);
        List<String> help = chat.say("/help", 2);
        assertThat(help.get(1)).contains("You were telling us about your complaint");
        assertThat(chat.lastButtons()).containsExactly("a:resume.offer:continue", "a:resume.offer:drop");
        assertThat(chat.say("yes", 1).get(0)).contains("order or booking number");
        chat.say("A-55501", 1);
        String opened = chat.press("a:complaint.category:product", 1).get(0);
        assertThat(complaint(ticketOf(opened))).isEqualTo("product|A-55501|The blender stopped working after two days");
    }

    @Test
    void startingAHalfDoneComplaintAgainOffersToContinueIt() {
        var chat = new TelegramChat(rapport, 9106, "zh-hans");
        chat.say("/complaint", 1);
        chat.say("收到的衣服尺码不对", 1);
        assertThat(chat.say("/complaint", 1).get(0)).contains("你还没说完你的投诉");
        assertThat(chat.lastButtons()).containsExactly("a:resume.offer_again:continue", "a:resume.offer_again:drop");
        assertThat(chat.say("继续", 1).get(0)).contains("订单号");
        chat.say("没有", 1);
        String opened = chat.say("产品质量", 1).get(0);
        assertThat(complaint(ticketOf(opened))).isEqualTo("product|-|收到的衣服尺码不对");
    }

    @Test
    void aSurveyAnsweredByTypingKeepsAHalfChosenMultipleChoiceOverAnInterruption() {
        var chat = new TelegramChat(rapport, 9107, "zh-hans");
        chat.say("/feedback", 2);
        assertThat(chat.say("４", 2).get(0)).isEqualTo("✓ 4");
        chat.say("9", 2);
        chat.say("6", 2);
        assertThat(chat.say("物流配送", 2).get(0)).isEqualTo("✓ 配送");
        assertThat(chat.say("价格", 2).get(0)).contains("价格");
        String liked = "SELECT value || '|' || partial || '|' || skipped FROM survey_answers a "
                + "JOIN survey_responses r ON r.id = a.response_id WHERE r.customer_id = ? AND a.question_id = 'liked'";
        assertThat(TelegramChat.column(rapport, liked, chat.customerId())).isEqualTo("price|true|false");

        chat.say("/help", 2);
        List<String> resumed = chat.say("/feedback", 2);
        assertThat(resumed.get(1)).contains("喜欢我们哪些方面");
        assertThat(chat.say("服务热情", 2).get(0)).contains("价格", "服务热情");
        assertThat(chat.say("选好了", 2).get(0)).isEqualTo("✓ 价格、服务热情");
        assertThat(TelegramChat.column(rapport, liked, chat.customerId())).isEqualTo("price,service|false|false");
    }
}
