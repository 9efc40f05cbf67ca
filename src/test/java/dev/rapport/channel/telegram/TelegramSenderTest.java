package dev.rapport.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.rapport.channel.Button;
import dev.rapport.channel.Reply;
import dev.rapport.channel.SendResult;
import dev.rapport.config.RapportConfig;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramSenderTest {

    private final FakeTelegramApi telegram = new FakeTelegramApi().start();
    private final TelegramSender sender = new TelegramSender(config(telegram.baseUrl()), 8);

    @AfterEach
    void stop() {
        sender.close();
        telegram.close();
    }

    static RapportConfig.Telegram config(String apiUrl) {
        return new RapportConfig.Telegram(
                FakeTelegramApi.TOKEN, "s3cret", URI.create(apiUrl), "https://rapport.example");
    }

    @Test
    void aTextWithButtonsIsSentAsSendMessageWithAnInlineKeyboard() {
        var reply = new Reply.Text(
                "Rate us",
                List.of(
                        List.of(new Button("Good", "csat:5"), new Button("Bad", "csat:1")),
                        List.of(new Button("Later", "later"))));

        SendResult result = sender.send("42", reply);

        assertThat(result).isEqualTo(new SendResult.Delivered("1"));
        var call = telegram.calls("sendMessage").get(0);
        assertThat(call.chatId()).isEqualTo(42L);
        assertThat(call.text()).isEqualTo("Rate us");
        var keyboard = call.body().path("reply_markup").path("inline_keyboard");
        assertThat(keyboard.size()).isEqualTo(2);
        assertThat(keyboard.get(0).get(1).path("text").asText()).isEqualTo("Bad");
        assertThat(keyboard.get(0).get(1).path("callback_data").asText()).isEqualTo("csat:1");
        assertThat(keyboard.get(1).get(0).path("callback_data").asText()).isEqualTo("later");
    }

    @Test
    void aTextWithoutButtonsHasNoKeyboard() {
        sender.send("42", new Reply.Text("Hello", List.of()));

        assertThat(telegram.calls("sendMessage").get(0).body().has("reply_markup"))
                .isFalse();
    }

    @Test
    void aReplyToAMessageCarriesReplyParameters() {
        sender.send("42", new Reply.Text("It ships today", List.of(), "1042"));

        var parameters = telegram.calls("sendMessage").get(0).body().path("reply_parameters");
        assertThat(parameters.path("message_id").asInt()).isEqualTo(1042);
        assertThat(parameters.path("allow_sending_without_reply").asBoolean()).isTrue();
    }

    @Test
    void aButtonAnswerIsAnswerCallbackQuery() {
        SendResult result = sender.send("42", new Reply.ButtonAnswer("cb-17", "Noted"));

        assertThat(result).isEqualTo(new SendResult.Delivered(null));
        var call = telegram.calls("answerCallbackQuery").get(0);
        assertThat(call.body().path("callback_query_id").asText()).isEqualTo("cb-17");
        assertThat(call.body().path("text").asText()).isEqualTo("Noted");
    }

    @Test
    void anEditIsEditMessageTextOfThatMessage() {
        SendResult result = sender.send("42", new Reply.Edit("1042", "Order 1001 left this morning."));

        assertThat(result).isInstanceOf(SendResult.Delivered.class);
        var call = telegram.calls("editMessageText").get(0);
        assertThat(call.chatId()).isEqualTo(42L);
        assertThat(call.body().path("message_id").asLong()).isEqualTo(1042L);
        assertThat(call.text()).isEqualTo("Order 1001 left this morning.");
    }

    @Test
    void anEditThatChangesNothingCountsAsDoneAndOneWithoutAMessageIdIsRejected() {
        telegram.failNext(
                1,
                400,
                "Bad Request: message is not modified: specified new message content and reply markup are "
                        + "exactly the same as a current content and reply markup of the message");

        assertThat(sender.send("42", new Reply.Edit("1042", "Same text"))).isEqualTo(new SendResult.Delivered(null));
        assertThat(sender.send("42", new Reply.Edit(null, "No message"))).isInstanceOf(SendResult.Rejected.class);
        assertThat(telegram.calls("editMessageText")).hasSize(1);
    }

    @Test
    void tooManyRequestsIsRetryAfterTelegramsDelay() {
        telegram.rateLimitNext(1, 7);

        SendResult result = sender.send("42", new Reply.Text("Hello", List.of()));

        assertThat(result).isInstanceOf(SendResult.RetryAfter.class);
        assertThat(((SendResult.RetryAfter) result).delay()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void blockedByTheUserIsUnreachable() {
        telegram.block(42);

        SendResult result = sender.send("42", new Reply.Text("Hello", List.of()));

        assertThat(result).isInstanceOf(SendResult.Unreachable.class);
        assertThat(((SendResult.Unreachable) result).reason()).contains("403").contains("blocked by the user");
    }

    @Test
    void aTooOldCallbackQueryIsRejected() {
        telegram.failNext(1, 400, "Bad Request: query is too old and response timeout expired or query ID is invalid");

        SendResult result = sender.send("42", new Reply.ButtonAnswer("cb-1", null));

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        assertThat(((SendResult.Rejected) result).reason()).contains("query is too old");
    }

    @Test
    void serverErrorsAreTransient() {
        telegram.failNext(1, 502);

        assertThat(sender.send("42", new Reply.Text("Hello", List.of())))
                .isInstanceOf(SendResult.TransientFailure.class);
        assertThat(sender.send("42", new Reply.Text("Hello", List.of()))).isInstanceOf(SendResult.Delivered.class);
    }

    @Test
    void anAcceptedMessageWhoseAnswerCannotBeReadCountsAsDeliveredNotToBeSentAgain() {
        telegram.answerUnreadableNext(1);

        assertThat(sender.send("42", new Reply.Text("Hello", List.of()))).isInstanceOf(SendResult.Delivered.class);
        assertThat(telegram.sentTexts(42)).containsExactly("Hello");
    }

    @Test
    void aWrongTokenIsTransientNotADeadLetterForEveryMessage() {
        try (var wrongToken = new TelegramSender(
                new RapportConfig.Telegram("999:WRONG", "s", URI.create(telegram.baseUrl()), ""), 2)) {
            SendResult result = wrongToken.send("42", new Reply.Text("Hello", List.of()));

            assertThat(result).isInstanceOf(SendResult.TransientFailure.class);
            assertThat(((SendResult.TransientFailure) result).reason()).contains("TELEGRAM_BOT_TOKEN");
        }
    }

    @Test
    void anInvalidRequestIsRejectedWithoutACall() {
        SendResult result = sender.send("42", new Reply.Text("", List.of()));

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        assertThat(telegram.calls()).isEmpty();
    }

    @Test
    void aButtonWithoutALabelIsRejectedWithoutACall() {
        SendResult result = sender.send("42", new Reply.Text("Pick one", List.of(List.of(new Button(null, "x")))));

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        assertThat(telegram.calls()).isEmpty();
    }

    @Test
    void aNetworkFailureIsTransient() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var unreachable = new TelegramSender(config("http://127.0.0.1:" + closedPort), 2)) {
            assertThat(unreachable.send("42", new Reply.Text("Hello", List.of())))
                    .isInstanceOf(SendResult.TransientFailure.class);
        }
    }

    @Test
    void theBodiesAreTheOnesTheLibrarysOwnClientSends() throws Exception {
        var replies = List.of(
                new Reply.Text("Hello", List.of()),
                new Reply.Text("It ships today", List.of(), "1042"),
                new Reply.Text(
                        "Rate us 😀 \"quoted\" \\ 好",
                        List.of(
                                List.of(new Button("Good", "csat:5"), new Button("Bad", "csat:1")),
                                List.of(new Button("Later", "later"))),
                        "7"));
        var http = TelegramClients.http(2);
        try {
            var library = TelegramClients.client(http, config(telegram.baseUrl()));
            for (Reply.Text reply : replies) {
                sender.send("42", reply);
                library.execute(TelegramSender.sendMessage("42", reply));
            }
            sender.send("42", new Reply.ButtonAnswer("cb-1", "Noted"));
            library.execute(org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery.builder()
                    .callbackQueryId("cb-1")
                    .text("Noted")
                    .build());
            sender.send("42", new Reply.ButtonAnswer("cb-2", null));
            library.execute(org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery.builder()
                    .callbackQueryId("cb-2")
                    .build());
            sender.send("42", new Reply.Edit("1042", "It ships tomorrow, \"sorry\" 好"));
            library.execute(org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText.builder()
                    .chatId("42")
                    .messageId(1042)
                    .text("It ships tomorrow, \"sorry\" 好")
                    .build());
        } finally {
            TelegramClients.shutdown(http);
        }

        var calls = telegram.calls();
        assertThat(calls).hasSize(2 * (replies.size() + 3));
        for (int i = 0; i < calls.size(); i += 2) {
            assertThat(calls.get(i).method()).isEqualTo(calls.get(i + 1).method());
            assertThat(calls.get(i).body()).isEqualTo(calls.get(i + 1).body());
        }
    }

    @Test
    void anErrorPageThatIsNotTheBotApisIsTransientNotDelivered() throws Exception {
        var proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] page = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(502, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        proxy.start();
        try (var behindProxy = new TelegramSender(
                config("http://127.0.0.1:" + proxy.getAddress().getPort()), 2)) {
            SendResult result = behindProxy.send("42", new Reply.Text("Hello", List.of()));

            assertThat(result).isInstanceOf(SendResult.TransientFailure.class);
            assertThat(((SendResult.TransientFailure) result).reason())
                    .contains("502")
                    .contains("Bad Gateway");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void moreThanFiveCallsRunAtOnce() throws Exception {
        telegram.delay(Duration.ofMillis(300));
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SendResult>> sends = new java.util.ArrayList<>();
            for (int chat = 1; chat <= 8; chat++) {
                String chatKey = String.valueOf(chat);
                sends.add(() -> sender.send(chatKey, new Reply.Text("Hello", List.of())));
            }
            for (var result : pool.invokeAll(sends)) {
                assertThat(result.get()).isInstanceOf(SendResult.Delivered.class);
            }
            // The library's own HTTP client would allow 5 calls to the host at once.
            assertThat(telegram.mostConcurrentCalls()).isGreaterThan(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
