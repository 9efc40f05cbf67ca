package dev.rapport.channel.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.rapport.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The JSON bodies of the calls the outbox makes (a text, a button answer, an edit), written field by
 * field with a streaming generator: the library's client serialises each request through Jackson's
 * bean serializer (reflection over some twenty properties per object, most of them null), which was
 * a visible share of the sender threads' time. Writes exactly the fields {@link TelegramSender} sets
 * — chat, text, reply parameters, an inline keyboard; callback query id and text; the edited
 * message's id — under the Bot API's names, plus the {@code method} field the library adds;
 * {@code TelegramSenderTest} checks that the bodies equal what the library's own client sends for
 * the same requests. Stateless; thread-safe.
 */
final class BotApiBodies {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private BotApiBodies() {}

    static byte[] sendMessage(SendMessage message) {
        return write(json -> {
            json.writeStringField("chat_id", message.getChatId());
            json.writeStringField("text", message.getText());
            ReplyParameters reply = message.getReplyParameters();
            if (reply != null) {
                json.writeObjectFieldStart("reply_parameters");
                json.writeNumberField("message_id", reply.getMessageId());
                if (reply.getAllowSendingWithoutReply() != null) {
                    json.writeBooleanField("allow_sending_without_reply", reply.getAllowSendingWithoutReply());
                }
                if (reply.getQuoteEntities() != null) {
                    if (!reply.getQuoteEntities().isEmpty()) {
                        throw new IllegalArgumentException("Quote entities are not written here");
                    }
                    json.writeArrayFieldStart("quote_entities"); // the library's empty default
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            if (message.getReplyMarkup() instanceof InlineKeyboardMarkup markup) {
                json.writeObjectFieldStart("reply_markup");
                json.writeArrayFieldStart("inline_keyboard");
                for (List<InlineKeyboardButton> row : markup.getKeyboard()) {
                    json.writeStartArray();
                    for (InlineKeyboardButton button : row) {
                        json.writeStartObject();
                        json.writeStringField("text", button.getText());
                        if (button.getCallbackData() != null) {
                            json.writeStringField("callback_data", button.getCallbackData());
                        }
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            } else if (message.getReplyMarkup() != null) {
                throw new IllegalArgumentException("Only inline keyboards are written here; got "
                        + message.getReplyMarkup().getClass().getSimpleName());
            }
            json.writeStringField("method", message.getMethod()); // as the library writes it; ignored by Telegram
        });
    }

    static byte[] editMessageText(EditMessageText edit) {
        return write(json -> {
            json.writeStringField("chat_id", edit.getChatId());
            json.writeNumberField("message_id", edit.getMessageId());
            json.writeStringField("text", edit.getText());
            json.writeStringField("method", edit.getMethod());
        });
    }

    static byte[] answerCallbackQuery(AnswerCallbackQuery answer) {
        return write(json -> {
            json.writeStringField("callback_query_id", answer.getCallbackQueryId());
            if (answer.getText() != null) {
                json.writeStringField("text", answer.getText());
            }
            json.writeStringField("method", answer.getMethod());
        });
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Fields fields) {
        try (var bytes = new ByteArrayBuilder(256);
                JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
            json.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing into memory does not fail
        }
    }
}
