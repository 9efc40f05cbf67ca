package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.cli.Commands;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "My offers" per tier and language, each customer's own code, and redeeming a code once (API and CLI). */
class OffersIT {

    static final String TOKEN = "offers-test-token-0123456789";
    static final Pattern CODE = Pattern.compile("\\b([A-HJ-NP-Z2-9]{10})\\b");
    static RunningRapport rapport;
    static Shop shop;
    static Commands commands;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start(Map.of("RAPPORT_API_TOKEN", TOKEN));
        shop = new Shop(rapport);
        commands = new Commands(rapport.database, rapport.config());
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    static String codeIn(String text) {
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as("a code in: " + text).isTrue();
        return matcher.group(1);
    }

    @Test
    void aKeyCustomerSeesTheKeyOfferWithTheirOwnCodeInEnglishAndTheSameCodeNextTime() {
        long customer = shop.customer(5101, "key", "en");
        List<String> texts = texts(rapport.say(5101, "/offers", "en", 3));
        assertThat(texts.get(0)).startsWith("Here's what you have right now, Ada");
        assertThat(texts.get(1))
                .contains("Key customer concierge")
                .contains("personal shopper")
                .contains("2030-12-31");
        assertThat(texts.get(2)).contains("Each code works once");
        String code = codeIn(texts.get(1));
        assertThat(code).doesNotContainPattern("[01OI]");
        assertThat(rapport.count(
                        "SELECT count(*) FROM offer_codes WHERE code = ? AND customer_id = ? AND offer_id = "
                                + "'key_concierge' AND tier = 'key' AND issued_via = 'menu'",
                        code,
                        customer))
                .isEqualTo(1);

        rapport.say(5101, "/offers", "en", 6);
        assertThat(codeIn(rapport.telegram.sentTexts(5101).get(4))).isEqualTo(code);
        assertThat(rapport.count("SELECT count(*) FROM offer_codes WHERE customer_id = ?", customer))
                .isEqualTo(1);
    }

    @Test
    void aMajorCustomerSeesTheMajorOfferInChinese() {
        shop.customer(5102, "major", "zh");
        List<String> texts = texts(rapport.say(5102, "/offers", "zh-hans", 3));
        assertThat(texts.get(0)).contains("这是你现在可以使用的优惠");
        assertThat(texts.get(1)).contains("感谢回馈").contains("八五折").contains("你的优惠码");
        codeIn(texts.get(1));
        assertThat(texts.get(2)).contains("每个优惠码只能使用一次");
    }

    @Test
    void anOrdinaryCustomerGetsTheOrdinaryOfferFromTheMenuButtonAndNeverAnotherTiersOffer() {
        shop.customer(5103, "ordinary", "en");
        rapport.say(5103, "/menu", "en", 1); // the menu that shows the button
        List<String> texts = texts(rapport.press(5103, "go:offers", 4)).subList(1, 4);
        assertThat(texts.get(1))
                .contains("Welcome-back coupon")
                .doesNotContain("concierge")
                .doesNotContain("Spring");
        shop.customer(5104, "ordinary", "zh");
        assertThat(texts(rapport.say(5104, "/offers", "zh", 3)).get(1)).contains("回馈优惠券");
    }

    @Test
    void aSmallCustomerHearsThereIsNothingRightNowInBothLanguages() {
        shop.customer(5105, "small", "en");
        assertThat(texts(rapport.say(5105, "/offers", "en", 1)).get(0)).contains("nothing for you right now");
        shop.customer(5106, "small", "zh");
        assertThat(texts(rapport.say(5106, "/offers", "zh", 1)).get(0)).contains("暂时没有可用的优惠");
        assertThat(rapport.count("SELECT count(*) FROM offer_codes WHERE customer_id IN "
                        + "(SELECT customer_id FROM channel_accounts WHERE chat_key IN ('5105', '5106'))"))
                .isZero();
    }

    @Test
    void aCodeIsRedeemedOnceThroughTheApiAndTheSecondTimeIsAClearError() {
        shop.customer(5107, "major", "en");
        String code = codeIn(texts(rapport.say(5107, "/offers", "en", 3)).get(1));

        HttpResponse<String> wrongToken = redeem("{\"code\": \"" + code + "\"}", "not-the-token-at-all");
        assertThat(wrongToken.statusCode()).isEqualTo(401);

        HttpResponse<String> first = redeem("{\"code\": \"" + code.toLowerCase() + "\"}", TOKEN);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"offer\":\"major_thanks\"").contains("\"tier\":\"major\"");

        HttpResponse<String> again = redeem("{\"code\": \"" + code + "\"}", TOKEN);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already redeemed").contains("works once");

        HttpResponse<String> unknown = redeem("{\"code\": \"ZZZZ2222ZZ\"}", TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("'ZZZZ2222ZZ' is unknown");

        assertThat(redeem("{\"coupon\": 1}", TOKEN).body()).contains("field 'code'");
        assertThat(rapport.count("SELECT count(*) FROM offer_codes WHERE code = ? AND redeemed_via = 'api'", code))
                .isEqualTo(1);
        // A redeemed code is no longer listed under "My offers".
        assertThat(texts(rapport.say(5107, "/offers", "en", 4)).get(3)).contains("nothing for you right now");
    }

    @Test
    void aCodeIsRedeemedOnceFromTheCommandLineAndCountedInTheStats() {
        shop.customer(5108, "key", "en");
        String code = codeIn(texts(rapport.say(5108, "/offers", "en", 3)).get(1));

        Commands.Result first = commands.redeem(code.substring(0, 5) + "-" + code.substring(5));
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Redeemed " + code).contains("key_concierge");

        Commands.Result again = commands.redeem(code);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already redeemed");
        assertThat(commands.redeem("NOPE").err()).contains("Not redeemed: code 'NOPE' is unknown");
        assertThat(commands.redeem("NOPE", "zh").err()).startsWith("未能核销：");
        assertThat(commands.redeem(code, "en").err()).startsWith("Not redeemed: ");

        Commands.Result stats = commands.offersStats();
        assertThat(stats.out()).containsPattern("key_concierge\\s+key\\s+\\d+\\s+[\\d.]+\\s+[1-9]");
    }

    private HttpResponse<String> redeem(String body, String token) {
        return rapport.send(HttpRequest.newBuilder(URI.create(rapport.url("/api/offers/redeem")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static List<String> texts(List<dev.rapport.channel.telegram.FakeTelegramApi.Call> calls) {
        return calls.stream()
                .map(dev.rapport.channel.telegram.FakeTelegramApi.Call::text)
                .toList();
    }
}
