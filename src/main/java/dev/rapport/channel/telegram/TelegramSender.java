package dev.rapport.channel.telegram;

import dev.rapport.channel.Button;
import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.Reply;
import dev.rapport.channel.SendResult;
import dev.rapport.config.RapportConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Delivers replies through the Telegram Bot API: a text (with inline buttons) becomes
 * {@code sendMessage}, a button answer becomes {@code answerCallbackQuery}. Each call is made once;
 * retrying is the outbox's decision, taken from the {@link SendResult} this returns:
 * <ul>
 *   <li>429 → {@code RetryAfter} with Telegram's {@code retry_after};</li>
 *   <li>403 (blocked by the user, deactivated, kicked) → {@code Unreachable};</li>
 *   <li>401 and 404 (a wrong bot token) and 5xx → {@code TransientFailure}, as are network errors
 *       and timeouts — a timed-out call may still have been delivered, so delivery is at-least-once;</li>
 *   <li>other 4xx (for example "query is too old") and requests the client finds invalid → {@code Rejected}.</li>
 * </ul>
 * Thread-safe: calls from several threads run in parallel, up to the concurrency given.
 */
public final class TelegramSender implements ChannelSender, AutoCloseable {

    public static final String CHANNEL = "telegram";

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final OkHttpClient http;
    private final OkHttpTelegramClient client;

    /** @param concurrency how many calls may be in flight at once; the outbox's {@code senders} */
    public TelegramSender(RapportConfig.Telegram telegram, int concurrency) {
        if (!telegram.enabled()) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is not set; the Telegram sender needs it");
        }
        this.http = TelegramClients.http(concurrency);
        this.client = TelegramClients.client(http, telegram);
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
        PartialBotApiMethod<?> request;
        try {
            request = request(chatKey, reply);
        } catch (RuntimeException e) { // a missing label or callback id: sending again will not help
            return new SendResult.Rejected("invalid request: " + e.getMessage());
        }
        try {
            if (request instanceof SendMessage message) {
                Message sent = client.execute(message);
                return new SendResult.Delivered(String.valueOf(sent.getMessageId()));
            }
            client.execute((AnswerCallbackQuery) request);
            return new SendResult.Delivered(null);
        } catch (TelegramApiRequestException e) {
            return fromApiError(e);
        } catch (TelegramApiException e) {
            // The client reports its own checks (empty text, too long callback data…) as the cause.
            if (e instanceof TelegramApiValidationException || e.getCause() instanceof TelegramApiValidationException) {
                var invalid = e instanceof TelegramApiValidationException ? e : (Exception) e.getCause();
                return new SendResult.Rejected("invalid request: " + withoutRequestDump(invalid.getMessage()));
            }
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new SendResult.TransientFailure(describe(e));
        } catch (RuntimeException e) {
            log.warn("Unexpected failure sending to Telegram chat {}", chatKey, e);
            return new SendResult.TransientFailure(e.toString());
        }
    }

    private static PartialBotApiMethod<?> request(String chatKey, Reply reply) {
        if (reply instanceof Reply.Text text) {
            return sendMessage(chatKey, text);
        }
        if (reply instanceof Reply.ButtonAnswer answer) {
            return AnswerCallbackQuery.builder()
                    .callbackQueryId(answer.callbackId())
                    .text(answer.text())
                    .build();
        }
        throw new IllegalArgumentException(
                "Telegram cannot send a " + reply.getClass().getSimpleName());
    }

    static SendMessage sendMessage(String chatKey, Reply.Text text) {
        var message = SendMessage.builder().chatId(chatKey).text(text.text());
        if (text.replyTo() != null && text.replyTo().matches("\\d{1,9}")) {
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

    private static SendResult fromApiError(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String reason = code == null ? describe(e) : "[" + code + "] " + e.getApiResponse();
        if (code == null) {
            return new SendResult.TransientFailure(reason); // no Bot API answer (a proxy's error page, say)
        }
        if (code == 0) {
            // The Bot API answered, but the client could not read its answer (a shape it does not know):
            // the message went out. Sending it again would deliver it twice.
            log.warn("Telegram accepted a message but its answer could not be read: {}", describe(e));
            return new SendResult.Delivered(null);
        }
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

    private static String describe(Exception e) {
        Throwable cause = e.getCause();
        return cause == null ? e.getMessage() : e.getMessage() + ": " + cause;
    }

    /** Stops the HTTP client's threads and closes its connections. */
    @Override
    public void close() {
        TelegramClients.shutdown(http);
    }
}
