package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Complaints taken in the chat, in English and Chinese, started by the menu, by /complaint and by
 * the customer's own words: listened to, recorded with photos, order reference and category,
 * apologised for, and given a ticket number and the response time of the customer's tier.
 */
class ComplaintDialoguesIT {

    static final Pattern TICKET = Pattern.compile("C-(\\d{6})-(\\d{4})");
    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    static String ticketIn(String text) {
        Matcher matcher = TICKET.matcher(text);
        assertThat(matcher.find()).as("a ticket number in: " + text).isTrue();
        return matcher.group();
    }

    static String column(String sql, Object... args) {
        return TelegramChat.column(rapport, sql, args);
    }

    @Test
    void byTheMenuInEnglishWithABadOrderReferenceAskedAgain() {
        var chat = new TelegramChat(rapport, 8101, "en");
        chat.say("/start", 1);
        assertThat(chat.lastButtons()).contains("go:complaint");
        assertThat(chat.press("go:complaint", 1).get(0)).contains("tell me what happened");
        assertThat(chat.say("The kettle I ordered arrived with a cracked lid", 1)
                        .get(0))
                .contains("order or booking number");
        assertThat(chat.lastButtons()).containsExactly("a:complaint.order:skip");

        List<String> again = chat.say("it was last week", 2);
        assertThat(again.get(0)).contains("doesn't look like an order", "A-102938");
        assertThat(again.get(1)).contains("order or booking number");

        assertThat(chat.say("a-4471209", 1).get(0)).contains("What is your complaint about?");
        assertThat(chat.lastButtons())
                .containsExactly(
                        "a:complaint.category:product",
                        "a:complaint.category:delivery",
                        "a:complaint.category:service",
                        "a:complaint.category:billing",
                        "a:complaint.category:other");
        String opened = chat.press("a:complaint.category:product", 1).get(0);

        String ticket = ticketIn(opened);
        String today = DateTimeFormatter.ofPattern("yyMMdd").format(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertThat(ticket).startsWith("C-" + today + "-");
        assertThat(opened).contains("sorry the product didn't live up", "within 48 hours", "/status");
        // A small customer's complaint opens at low priority; a calm report of a fault is not raised a
        // step (only a heated, strongly negative description is: see ToneTest).
        String described = "low";
        assertThat(column(
                        "SELECT status || '|' || category || '|' || order_ref || '|' || description || '|' || tier "
                                + "|| '|' || priority FROM complaints WHERE ticket = ?",
                        ticket))
                .isEqualTo("open|product|A-4471209|The kettle I ordered arrived with a cracked lid|small|" + described);
        assertThat(rapport.count(
                        "SELECT extract(epoch FROM due_at - created_at) / 3600 FROM complaints WHERE ticket = ?",
                        ticket))
                .isEqualTo(48);
        assertThat(rapport.count(
                        "SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id "
                                + "WHERE c.ticket = ? AND e.type = 'opened' AND e.actor = 'customer' AND e.to_status = 'open'",
                        ticket))
                .isEqualTo(1);
        assertThat(rapport.count("SELECT count(*) FROM events WHERE type = 'complaint.order_reference_invalid' "
                        + "AND chat_key = '8101'"))
                .isEqualTo(1);

        // A second complaint the same day gets the next number of that day.
        chat.say("/complaint", 1);
        chat.say("And the replacement never came", 1);
        chat.press("a:complaint.order:skip", 1);
        String second = ticketIn(chat.press("a:complaint.category:delivery", 1).get(0));
        assertThat(Integer.parseInt(second.substring(9))).isEqualTo(Integer.parseInt(ticket.substring(9)) + 1);
        assertThat(column("SELECT coalesce(order_ref, '(none)') FROM complaints WHERE ticket = ?", second))
                .isEqualTo("(none)");

        // /status lists both, newest first, with where each stands.
        String status = chat.say("/status", 1).get(0);
        assertThat(status)
                .contains(
                        "Your complaints",
                        second,
                        ticket,
                        "Delivery",
                        "Product quality",
                        "received, waiting for our team");
        assertThat(status.indexOf(second)).isLessThan(status.indexOf(ticket));
    }

    @Test
    void byCommandInChineseWithAPhotoKeptAndTheKeyCustomersResponseTime() {
        var chat = new TelegramChat(rapport, 8102, "zh-hans");
        assertThat(chat.say("/complaint", 1).get(0)).contains("发生了什么");

        List<String> kept = chat.photo("AgACAgQ-cracked-cup", null, 2);
        assertThat(kept.get(0)).contains("图片", "记下");
        assertThat(kept.get(1)).contains("发生了什么");
        List<String> withCaption = chat.photo("AgACAgQ-box", "杯子收到的时候就是碎的，盒子也压扁了", 2);
        assertThat(withCaption.get(1)).contains("订单号");

        assertThat(chat.say("没有", 1).get(0)).contains("哪方面"); // typed instead of the skip button
        rapport.database
                .jdbi()
                .useHandle(
                        handle -> handle.execute("UPDATE customers SET tier = 'key' WHERE id = ?", chat.customerId()));
        String opened = chat.press("a:complaint.category:service", 1).get(0);

        String ticket = ticketIn(opened);
        assertThat(opened).contains("深感抱歉", "投诉单号是 " + ticket, "1 小时内");
        assertThat(column(
                        "SELECT description || '|' || coalesce(order_ref, '(none)') FROM complaints WHERE ticket = ?",
                        ticket))
                .isEqualTo("杯子收到的时候就是碎的，盒子也压扁了|(none)");
        assertThat(column("SELECT attachments::text FROM complaints WHERE ticket = ?", ticket))
                .contains("AgACAgQ-cracked-cup", "AgACAgQ-box")
                .doesNotContain("-small");
        assertThat(column(
                        "SELECT language || '|' || tier || '|' || priority || '|' || sla_hours FROM complaints "
                                + "WHERE ticket = ?",
                        ticket))
                .isEqualTo("zh|key|high|1");
        assertThat(rapport.count("SELECT count(*) FROM events WHERE chat_key = '8102' AND type = 'message.media' "
                        + "AND data ->> 'kept' = 'true'"))
                .isEqualTo(2);

        // A key customer's complaint hands the chat to a person (config/handoff.yaml); once they hand it
        // back, the bot answers again.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> chat.texts().get(chat.texts().size() - 1).contains("排在第"));
        int before = chat.texts().size();
        long handoff = rapport.count("SELECT id FROM handoffs WHERE chat_key = '8102' AND state = 'waiting'");
        rapport.app().handoffs().handBack(handoff, new dev.rapport.domain.StaffRef(1, "Alice"));
        assertThat(chat.expect(before, 1).get(0)).contains("交回给我");
        String status = chat.say("/status", 1).get(0);
        assertThat(status).contains("你的投诉", ticket, "服务态度", "已受理");
    }

    @Test
    void theCustomersOwnWordsStartTheComplaintAndAreNotAskedAgain() {
        var chat = new TelegramChat(rapport, 8103, "en");
        String words = "my food arrived cold and the driver was so rude, really disappointed";
        List<String> replies = chat.say(words, 2);
        assertThat(replies.get(0)).contains("written down what you told me");
        assertThat(replies.get(1)).contains("order or booking number");
        chat.say("A-99812", 1);
        String ticket = ticketIn(chat.press("a:complaint.category:delivery", 1).get(0));
        assertThat(column("SELECT description FROM complaints WHERE ticket = ?", ticket))
                .isEqualTo(words);
        assertThat(chat.texts()).noneMatch(text -> text.contains("tell me what happened"));
    }

    @Test
    void theCustomersOwnWordsInChinese() {
        var chat = new TelegramChat(rapport, 8104, "zh-hans");
        String words = "外卖送到的时候汤全洒了，袋子里全是油";
        List<String> replies = chat.say(words, 2);
        assertThat(replies.get(0)).contains("记下了");
        assertThat(replies.get(1)).contains("订单号");
        chat.say("B-20240117", 1);
        rapport.database
                .jdbi()
                .useHandle(handle ->
                        handle.execute("UPDATE customers SET tier = 'major' WHERE id = ?", chat.customerId()));
        String opened = chat.press("a:complaint.category:other", 1).get(0);
        String ticket = ticketIn(opened);
        assertThat(opened).contains("4 小时内");
        assertThat(column("SELECT description || '|' || order_ref FROM complaints WHERE ticket = ?", ticket))
                .isEqualTo(words + "|B-20240117");
    }

    @Test
    void statusWithoutComplaintsSaysSoInBothLanguages() {
        assertThat(new TelegramChat(rapport, 8105, "en").say("/status", 1).get(0))
                .contains("no complaints");
        assertThat(new TelegramChat(rapport, 8106, "zh-hans").say("/status", 1).get(0))
                .contains("没有投诉");
    }

    @Test
    void aPhotoOutsideADialogueIsOnlyAcknowledged() {
        var chat = new TelegramChat(rapport, 8107, "en");
        assertThat(chat.photo("AgAC-outside", null, 1).get(0)).contains("received your photo");
        assertThat(rapport.count("SELECT count(*) FROM events WHERE chat_key = '8107' AND type = 'message.media' "
                        + "AND data ->> 'kept' = 'false'"))
                .isEqualTo(1);
    }
}
