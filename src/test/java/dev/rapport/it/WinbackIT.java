package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.channel.telegram.FakeTelegramApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Win-back dialogues through the webhook and the fake Bot API: the scan finds lapsed customers by
 * their purchases, the cancel intent enters the dialogue, every reason gets its own answer and every
 * tier its own move, in English and Chinese.
 */
class WinbackIT {

    static final List<String> TIERS = List.of("key", "major", "ordinary", "small");
    static final List<String> REASONS =
            List.of("price", "quality", "service", "delivery", "alternative", "no_need", "other");
    static final Map<String, Map<String, String>> OPENER = Map.of(
            "en",
                    Map.of(
                            "key",
                            "most valued customers",
                            "major",
                            "since your last order",
                            "ordinary",
                            "we've missed you at Rapport Demo Shop",
                            "small",
                            "stopped by less"),
            "zh", Map.of("key", "最重要的客户", "major", "一段时间没下单", "ordinary", "好久没见到你啦", "small", "最近少来的原因"));
    static final Map<String, Map<String, String>> ANSWER = Map.of(
            "en",
                    Map.of(
                            "price",
                            "price matters",
                            "quality",
                            "quality let you down",
                            "service",
                            "service wasn't",
                            "delivery",
                            "delivery trouble",
                            "alternative",
                            "Thank you for being honest",
                            "no_need",
                            "That makes sense",
                            "other",
                            "I've written it down"),
            "zh",
                    Map.of(
                            "price",
                            "价格确实很重要",
                            "quality",
                            "产品质量让你失望",
                            "service",
                            "服务没有做好",
                            "delivery",
                            "配送给你添了麻烦",
                            "alternative",
                            "谢谢你坦诚相告",
                            "no_need",
                            "以后如果有需要",
                            "other",
                            "我已经记下来了"));
    static final Map<String, Map<String, String>> MOVE = Map.of(
            "en",
                    Map.of(
                            "key",
                            "our best offer",
                            "major",
                            "something special",
                            "ordinary",
                            "a little something",
                            "small",
                            "taking the time"),
            "zh", Map.of("key", "最好优惠", "major", "特别优惠", "ordinary", "一点小心意", "small", "花时间告诉我们"));
    static final Map<String, String> PERSON = Map.of("en", "member of our staff to look after you", "zh", "专门为您服务");
    static final Map<String, String> BYE = Map.of("en", "Thanks for talking with us", "zh", "谢谢你和我们聊这些");

    static RunningRapport rapport;
    static Shop shop;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
        shop = new Shop(rapport);
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    /** A customer whose only purchase was 400 days ago: lapsed in every tier. */
    static long lapsed(long chat, String tier, String language) {
        long id = shop.customer(chat, tier, language);
        shop.purchase(id, Instant.now().minus(400, ChronoUnit.DAYS));
        return id;
    }

    static List<String> texts(long chat) {
        return rapport.telegram.sentTexts(chat);
    }

    @Test
    void everyReasonGetsItsOwnAnswerAndEveryTierItsMoveInEnglishAndChinese() {
        record Dialogue(long chat, long customer, String language, String tier, String reason) {}
        var dialogues = new java.util.ArrayList<Dialogue>();
        for (String language : List.of("en", "zh")) {
            for (int r = 0; r < REASONS.size(); r++) {
                long chat = 7000 + ("zh".equals(language) ? 100 : 0) + r;
                String tier = TIERS.get(r % TIERS.size());
                dialogues.add(new Dialogue(chat, lapsed(chat, tier, language), language, tier, REASONS.get(r)));
            }
        }

        rapport.runJob("winback.scan");

        for (Dialogue d : dialogues) {
            List<FakeTelegramApi.Call> opened = rapport.awaitSent(d.chat(), 2);
            String what = d.language() + "/" + d.tier() + "/" + d.reason();
            assertThat(opened.get(0).text())
                    .as(what)
                    .contains(OPENER.get(d.language()).get(d.tier()));
            assertThat(opened.get(1)
                            .body()
                            .path("reply_markup")
                            .path("inline_keyboard")
                            .size())
                    .as(what)
                    .isEqualTo(4);
            assertThat(opened.get(1).body().toString()).contains("a:winback.why:no_need");
        }
        for (Dialogue d : dialogues) {
            boolean key = d.tier().equals("key");
            int after = 3 + (key ? 2 : 0); // answer, [person], move, goodbye, [place in the staff queue]
            int sent = 2;
            if (d.reason().equals("other")) {
                rapport.press(d.chat(), "a:winback.why:other", 3);
                assertThat(texts(d.chat()).get(2)).contains("zh".equals(d.language()) ? "简单说说" : "in a few words");
                rapport.say(
                        d.chat(),
                        "zh".equals(d.language()) ? "尺码总是不合适" : "the sizes never fit",
                        d.language(),
                        3 + after);
                sent = 3;
            } else {
                rapport.press(d.chat(), "a:winback.why:" + d.reason(), 2 + after);
            }
            List<String> texts = texts(d.chat());
            String what = d.language() + "/" + d.tier() + "/" + d.reason();
            assertThat(texts.get(sent))
                    .as(what)
                    .contains(ANSWER.get(d.language()).get(d.reason()));
            if (key) {
                assertThat(texts.get(sent + 1)).as(what).contains(PERSON.get(d.language()));
            }
            String move = texts.get(sent + 1 + (key ? 1 : 0));
            assertThat(move).as(what).contains(MOVE.get(d.language()).get(d.tier()));
            if (d.tier().equals("small")) {
                assertThat(move).as(what).doesNotContainPattern("[A-HJ-NP-Z2-9]{10}");
            } else {
                assertThat(move).as(what).containsPattern("[A-HJ-NP-Z2-9]{10}");
            }
            assertThat(texts.get(texts.size() - 1 - (key ? 1 : 0))).as(what).contains(BYE.get(d.language()));
            if (key) { // a person takes the chat over: the customer learns their place in the queue
                assertThat(texts.get(texts.size() - 1))
                        .as(what)
                        .contains("zh".equals(d.language()) ? "排在第" : "in the queue");
            }

            assertThat(rapport.count(
                            """
                    SELECT count(*) FROM winback_cases WHERE customer_id = ? AND trigger = 'lapsed' AND reason = ?
                      AND response = 'answered' AND escalated = ? AND (offer_code IS NULL) = ?""", d.customer(), d.reason(), key, d.tier().equals("small")))
                    .as(what)
                    .isEqualTo(1);
            assertThat(rapport.count("""
                    SELECT count(*) FROM conversations WHERE chat_key = ?
                      AND escalation_reason = 'win-back: key customer, reason ' || ?""", String.valueOf(d.chat()), d.reason()))
                    .as(what)
                    .isEqualTo(key && !d.reason().equals("other") ? 1 : 0);
        }
        String keyCustomers = dialogues.stream()
                .filter(d -> d.tier().equals("key"))
                .map(d -> String.valueOf(d.customer()))
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(rapport.count("SELECT count(*) FROM offer_codes WHERE issued_via = 'winback' AND offer_id = "
                        + "'winback_key' AND tier = 'key' AND customer_id IN (" + keyCustomers + ")"))
                .isEqualTo(4);
    }

    @Test
    void aCustomerMayDeclineToSay() {
        long customer = lapsed(7201, "major", "en");
        rapport.runJob("winback.scan");
        rapport.awaitSent(7201, 2);
        rapport.press(7201, "a:winback.why:decline", 3);
        assertThat(texts(7201).get(2)).contains("No problem, Ada");
        assertThat(rapport.count(
                        "SELECT count(*) FROM winback_cases WHERE customer_id = ? AND response = 'declined' "
                                + "AND reason IS NULL AND offer_code IS NULL",
                        customer))
                .isEqualTo(1);
    }

    @Test
    void sayingYouWantToCancelEntersTheDialogueInEitherLanguage() {
        long english = shop.customer(7301, "key", "en");
        shop.purchase(english, Instant.now().minus(3, ChronoUnit.DAYS)); // not lapsed: the words start it
        rapport.say(7301, "cancel my subscription", "en", 2);
        assertThat(texts(7301).get(0)).contains("sorry to hear you'd like to leave");
        rapport.press(7301, "a:winback.why:price", 7); // ..., person, offer, goodbye, place in the staff queue
        assertThat(texts(7301).get(3)).contains(PERSON.get("en"));
        assertThat(texts(7301).get(4)).contains("Our best offer for you");
        assertThat(rapport.count(
                        "SELECT count(*) FROM winback_cases WHERE customer_id = ? AND trigger = 'cancel' "
                                + "AND reason = 'price' AND escalated",
                        english))
                .isEqualTo(1);
        assertThat(rapport.count("SELECT count(*) FROM conversations WHERE chat_key = '7301' "
                        + "AND escalation_reason = 'win-back: key customer, reason price'"))
                .isEqualTo(1);
        assertThat(rapport.count("SELECT count(*) FROM handoffs WHERE chat_key = '7301' AND state = 'waiting' "
                        + "AND reasons @> '[{\"reason\": \"winback\"}, {\"reason\": \"cancel\"}]'"))
                .isEqualTo(1);

        long chinese = shop.customer(7302, "ordinary", "zh");
        rapport.say(7302, "我要注销账号", "zh", 2);
        assertThat(texts(7302).get(0)).contains("听到你想离开");
        rapport.press(7302, "a:winback.why:delivery", 5);
        assertThat(texts(7302).get(2)).contains(ANSWER.get("zh").get("delivery"));
        assertThat(texts(7302).get(3)).contains("回归小礼");
        assertThat(rapport.count(
                        "SELECT count(*) FROM winback_cases WHERE customer_id = ? AND trigger = 'cancel'", chinese))
                .isEqualTo(1);
    }

    @Test
    void askingToUnsubscribeOptsOutInsteadOfStartingAWinBack() {
        long english = shop.customer(7311, "key", "en");
        rapport.say(7311, "unsubscribe me", "en", 1);
        assertThat(texts(7311).get(0)).contains("You won't get any more offers or surveys");
        long chinese = shop.customer(7312, "major", "zh");
        rapport.say(7312, "退订", "zh", 1);
        assertThat(texts(7312).get(0)).contains("不会再");
        for (long customer : new long[] {english, chinese}) {
            assertThat(rapport.count(
                            "SELECT count(*) FROM customers WHERE id = ? AND opted_out_at IS NOT NULL", customer))
                    .isEqualTo(1);
            assertThat(rapport.count("SELECT count(*) FROM winback_cases WHERE customer_id = ?", customer))
                    .isZero();
        }
    }

    @Test
    void nobodyIsApproachedDuringTheQuietHoursWhereTheyLive() {
        long asleep = shop.customer(7501, "ordinary", "en", Shop.zoneWhereItIs(java.time.LocalTime.of(3, 0)));
        shop.purchase(asleep, Instant.now().minus(400, ChronoUnit.DAYS));
        rapport.runJob("winback.scan");
        assertThat(rapport.count("SELECT count(*) FROM winback_cases WHERE customer_id = ?", asleep))
                .isZero();

        shop.execute("UPDATE customers SET time_zone = '" + Shop.zoneWhereItIs(java.time.LocalTime.NOON)
                + "' WHERE id = " + asleep);
        rapport.runJob("winback.scan");
        assertThat(rapport.count("SELECT count(*) FROM winback_cases WHERE customer_id = ?", asleep))
                .isEqualTo(1);
    }

    @Test
    void onlyLapsedCustomersWhoConsentAreApproachedAndNotAgainWithinThePeriod() {
        long lapsed = lapsed(7401, "ordinary", "en");
        long optedOut = lapsed(7402, "ordinary", "en");
        long unreachable = lapsed(7403, "ordinary", "en");
        long recent = shop.customer(7404, "key", "en");
        shop.purchase(recent, Instant.now().minus(400, ChronoUnit.DAYS));
        shop.purchase(recent, Instant.now().minus(10, ChronoUnit.DAYS)); // key lapses after 45 days
        long neverBought = shop.customer(7405, "small", "en");
        long notYetForItsTier = shop.customer(7406, "small", "en");
        shop.purchase(notYetForItsTier, Instant.now().minus(100, ChronoUnit.DAYS)); // small: 180 days
        shop.execute("UPDATE customers SET opted_out_at = now() WHERE id = " + optedOut);
        shop.execute("UPDATE channel_accounts SET unreachable_at = now() WHERE customer_id = " + unreachable);

        rapport.runJob("winback.scan");
        rapport.runJob("winback.scan");

        rapport.awaitSent(7401, 2);
        String others = optedOut + "," + unreachable + "," + recent + "," + neverBought + "," + notYetForItsTier;
        assertThat(rapport.count("SELECT count(*) FROM winback_cases WHERE customer_id IN (" + others + ")"))
                .isZero();
        assertThat(rapport.count("SELECT count(*) FROM winback_cases WHERE customer_id = ?", lapsed))
                .isEqualTo(1);

        // Decided a month ago: still within approach_again_after_days (90), so left alone.
        shop.execute("UPDATE winback_cases SET outcome = 'lost', outcome_at = now(), "
                + "started_at = now() - interval '30 days' WHERE customer_id = " + lapsed);
        rapport.runJob("winback.scan");
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> texts(7401).size() == 2);
        assertThat(rapport.count("SELECT count(*) FROM winback_cases WHERE customer_id = ?", lapsed))
                .isEqualTo(1);

        shop.execute("UPDATE winback_cases SET started_at = now() - interval '100 days' WHERE customer_id = " + lapsed);
        rapport.runJob("winback.scan");
        rapport.awaitSent(7401, 4);
        assertThat(rapport.count("SELECT count(*) FROM winback_cases WHERE customer_id = ?", lapsed))
                .isEqualTo(2);
        assertThat(texts(7402)).isEmpty();
    }
}
