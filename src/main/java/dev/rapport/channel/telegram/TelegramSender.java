package dev.rapport.channel.telegram;

import dev.rapport.channel.Button;
import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.Reply;
import dev.rapport.channel.SendResult;
import dev.rapport.config.RapportConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Delivers replies through the Telegram Bot API: a text (with inline buttons) becomes
 * {@code sendMessage}, a button answer becomes {@code answerCallbackQuery}. Each call is made once;
 * retrying is the outbox's decision, taken from the {@link SendResult} this returns:
 * <ul>
 *   <li>429 → {@code RetryAfter} with Telegram's {@code retry_after};</li>
 *   <li>403 (blocked by the user, deactivated, kicked) → {@code Unreachable};</li>
 *   <li>401 and 404 (a wrong bot token) and 5xx → {@code TransientFailure}, as are network errors,
 *       timeouts and error answers that are not the Bot API's (a proxy's page) — a timed-out call may
 *       still have been delivered, so delivery is at-least-once;</li>
 *   <li>other 4xx (for example "query is too old") and requests the library finds invalid → {@code Rejected};</li>
 *   <li>a 2xx answer that cannot be read → {@code Delivered} without an id: the message went out, and
 *       sending it again would deliver it twice.</li>
 * </ul>
 * The requests are the library's types and pass its validation; error answers are read by the
 * library. The call itself is made by {@link BotApiPost} with bodies from {@link BotApiBodies} and
 * success answers read by {@link SendAnswers}: one message per reply makes this the hottest call in
 * Rapport, and the library client's per-call URL building, reflective serialisation, thread
 * hand-offs and full {@code Message} binding cost more CPU than the rest of the send.
 * Thread-safe: calls from several threads run in parallel, up to the concurrency given.
 */
public final class TelegramSender implements ChannelSender, AutoCloseable {

    public static final String CHANNEL = "telegram";

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Pattern MESSAGE_ID = Pattern.compile("\\d{1,9}");
    /** Telegram's answer to an edit that would change nothing. */
    private static final String NOT_MODIFIED = "message is not modified";

    private static final int MAX_PAGE_IN_REASON = 200;

    private final OkHttpClient http;
    private final BotApiPost post;

    /** @param concurrency how many calls may be in flight at once; the outbox's {@code senders} */
    public TelegramSender(RapportConfig.Telegram telegram, int concurrency) {
        if (!telegram.enabled()) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is not set; the Telegram sender needs it");
        }
        this.http = TelegramClients.http(concurrency);
        this.post = new BotApiPost(http, TelegramClients.url(telegram.apiUrl()), telegram.botToken());
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Duration longestCall() {
        return TelegramClients.CALL_TIMEOUT;
    }

    @Override
    public SendResult send(String chatKey, Reply reply) {
        BotApiMethod<?> request;
        byte[] body;
        try {
            request = request(chatKey, reply);
            request.validate();
            body = body(request);
        } catch (TelegramApiValidationException e) { // empty text, too long callback data…
            return new SendResult.Rejected("invalid request: " + withoutRequestDump(e.getMessage()));
        } catch (RuntimeException e) { // a missing label or callback id: sending again will not help
            return new SendResult.Rejected("invalid request: " + e.getMessage());
        }
        BotApiPost.Answer answer;
        try {
            answer = post.post(request.getMethod(), body);
        } catch (IOException e) {
            return new SendResult.TransientFailure("Unable to execute " + request.getMethod() + ": " + e);
        } catch (RuntimeException e) {
            log.warn("Unexpected failure sending to Telegram chat {}", chatKey, e);
            return new SendResult.TransientFailure(e.toString());
        }
        return fromAnswer(request, answer);
    }

    private static byte[] body(BotApiMethod<?> request) {
        if (request instanceof SendMessage message) {
            return BotApiBodies.sendMessage(message);
        }
        if (request instanceof EditMessageText edit) {
            return BotApiBodies.editMessageText(edit);
        }
        return BotApiBodies.answerCallbackQuery((AnswerCallbackQuery) request);
    }

    private static SendResult fromAnswer(BotApiMethod<?> request, BotApiPost.Answer answer) {
        boolean success = answer.status() >= 200 && answer.status() < 300;
        SendAnswers.Ok ok;
        try {
            ok = SendAnswers.readOk(answer.body());
        } catch (IOException e) {
            if (success) {
                log.warn("Telegram accepted a message but its answer could not be read: {}", e.getMessage());
                return new SendResult.Delivered(null);
            }
            return new SendResult.TransientFailure("[" + answer.status() + "] not a Bot API answer: " + page(answer));
        }
        if (ok != null) {
            if (ok.messageId() == null && request instanceof SendMessage) {
                log.warn("Telegram accepted a message but its answer has no message id: {}", page(answer));
            }
            return new SendResult.Delivered(ok.messageId());
        }
        try {
            request.deserializeResponse(answer.body()); // not ok: throws with Telegram's error
        } catch (TelegramApiRequestException e) {
            if (request instanceof EditMessageText
                    && String.valueOf(e.getApiResponse()).contains(NOT_MODIFIED)) {
                return new SendResult.Delivered(null); // the message says this already: an edit sent twice
            }
            if (e.getErrorCode() != null && e.getErrorCode() != 0) {
                return fromApiError(e);
            }
        } catch (RuntimeException e) { // a shape the library does not know either
            log.debug("Unreadable Bot API answer", e);
        }
        if (success) { // the Bot API took the call; sending again would deliver it twice
            log.warn("Telegram accepted a message but its answer could not be read: {}", page(answer));
            return new SendResult.Delivered(null);
        }
        return new SendResult.TransientFailure("[" + answer.status() + "] not a Bot API answer: " + page(answer));
    }

    private static BotApiMethod<?> request(String chatKey, Reply reply) {
        if (reply instanceof Reply.Text text) {
            return sendMessage(chatKey, text);
        }
        if (reply instanceof Reply.ButtonAnswer answer) {
            return AnswerCallbackQuery.builder()
                    .callbackQueryId(answer.callbackId())
                    .text(answer.text())
                    .build();
        }
        if (reply instanceof Reply.Edit edit) {
            if (edit.messageId() == null
                    || !MESSAGE_ID.matcher(edit.messageId()).matches()) {
                throw new IllegalArgumentException("no Telegram message id to edit: " + edit.messageId());
            }
            return EditMessageText.builder()
                    .chatId(chatKey)
                    .messageId(Integer.parseInt(edit.messageId()))
                    .text(edit.text())
                    .build();
        }
        throw new IllegalArgumentException(
                "Telegram cannot send a " + reply.getClass().getSimpleName());
    }

    static SendMessage sendMessage(String chatKey, Reply.Text text) {
        var message = SendMessage.builder().chatId(chatKey).text(text.text());
        if (text.replyTo() != null && MESSAGE_ID.matcher(text.replyTo()).matches()) {
            // Answers that message; sent anyway (as a plain message) when the customer deleted it.
            message.replyParameters(ReplyParameters.builder()
                    .messageId(Integer.parseInt(text.replyTo()))
                    .allowSendingWithoutReply(true)
                    .build());
        }
        if (!text.buttons().isEmpty()) {
            var rows = new ArrayList<InlineKeyboardRow>();
            for (List<Button> row : text.buttons()) {
                var keyboardRow = new InlineKeyboardRow();
                for (Button button : row) {
                    keyboardRow.add(InlineKeyboardButton.builder()
                            .text(button.label())
                            .callbackData(button.data())
                            .build());
                }
                rows.add(keyboardRow);
            }
            message.replyMarkup(InlineKeyboardMarkup.builder().keyboard(rows).build());
        }
        return message.build();
    }

    /** Telegram's error answer, as the library read it; {@code code} is its {@code error_code}. */
    private static SendResult fromApiError(TelegramApiRequestException e) {
        int code = e.getErrorCode();
        String reason = "[" + code + "] " + e.getApiResponse();
        if (code == 429) {
            Integer seconds =
                    e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return new SendResult.RetryAfter(
                    seconds == null ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds), reason);
        }
        if (code == 403) {
            return new SendResult.Unreachable(reason);
        }
        if (code == 401 || code == 404) {
            log.error("Telegram refused the bot token ({}): check TELEGRAM_BOT_TOKEN", reason);
            return new SendResult.TransientFailure(reason + " (check TELEGRAM_BOT_TOKEN)");
        }
        if (code >= 400 && code < 500) {
            return new SendResult.Rejected(reason);
        }
        return new SendResult.TransientFailure(reason);
    }

    /** The client appends the whole request, customer text included, to its validation messages. */
    private static String withoutRequestDump(String message) {
        int dump = message == null ? -1 : message.indexOf(" in method: ");
        return dump < 0 ? message : message.substring(0, dump);
    }

    private static String page(BotApiPost.Answer answer) {
        String body = answer.body();
        return body.length() <= MAX_PAGE_IN_REASON ? body : body.substring(0, MAX_PAGE_IN_REASON) + "…";
    }

    /** Stops the HTTP client's threads and closes its connections. */
    @Override
    public void close() {
        TelegramClients.shutdown(http);
    }
}
