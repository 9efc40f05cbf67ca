package dev.rapport.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Bot API calls the staff group needs — forum topics, posts into a topic, copies of a customer's
 * message, edits, and the group's start-up check — as plain JSON calls, each made once (retrying is
 * the outbox's decision). Failures are {@link BotApiException}s carrying Telegram's code and text.
 * Thread-safe.
 */
public final class StaffGroupApi implements AutoCloseable {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient http;
    private final String base;

    public StaffGroupApi(RapportConfig.Telegram telegram) {
        TelegramClients.url(telegram.apiUrl()); // the same checks as the main client
        this.http = TelegramClients.http(4);
        this.base = telegram.apiUrl().toString().replaceAll("/+$", "") + "/bot" + telegram.botToken() + "/";
    }

    /** Creates a topic; returns its {@code message_thread_id}. */
    public long createTopic(String groupId, String name, int iconColor) {
        ObjectNode params = params(groupId).put("name", name).put("icon_color", iconColor);
        return call("createForumTopic", params).path("message_thread_id").asLong();
    }

    public void renameTopic(String groupId, long threadId, String name) {
        call(
                "editForumTopic",
                params(groupId).put("message_thread_id", threadId).put("name", name));
    }

    /** Posts a text into a topic (null: the General topic), optionally as a reply; returns the new message's id. */
    public long sendText(String groupId, Long threadId, String text, Long replyTo) {
        ObjectNode params = params(groupId).put("text", text);
        if (threadId != null) {
            params.put("message_thread_id", threadId);
        }
        if (replyTo != null) {
            params.putObject("reply_parameters").put("message_id", replyTo).put("allow_sending_without_reply", true);
        }
        return call("sendMessage", params).path("message_id").asLong();
    }

    /** Copies a message (any kind) into a topic without a "forwarded from" header; returns the copy's id. */
    public long copy(String fromChat, long messageId, String groupId, long threadId) {
        ObjectNode params = params(groupId)
                .put("message_thread_id", threadId)
                .put("from_chat_id", fromChat)
                .put("message_id", messageId);
        return call("copyMessage", params).path("message_id").asLong();
    }

    /** Replaces the text of a message the bot sent. */
    public void editText(String chatId, long messageId, String text) {
        call("editMessageText", params(chatId).put("message_id", messageId).put("text", text));
    }

    /**
     * What keeps the bot from working in the group, in words an operator can act on; empty when
     * nothing does.
     *
     * @throws BotApiException when Telegram could not be asked (a network error, a 5xx): nothing is known
     */
    public List<String> check(String groupId) {
        var problems = new ArrayList<String>();
        try {
            long botId =
                    call("getMe", Json.mapper().createObjectNode()).path("id").asLong();
            JsonNode chat = call("getChat", params(groupId));
            if (!"supergroup".equals(chat.path("type").asText())) {
                problems.add("the chat is a " + chat.path("type").asText("?") + ", not a supergroup");
            }
            if (!chat.path("is_forum").asBoolean(false)) {
                problems.add("topics are off: turn on Topics in the group's settings");
            }
            JsonNode member = call("getChatMember", params(groupId).put("user_id", botId));
            String status = member.path("status").asText();
            if ("creator".equals(status)) {
                return problems;
            }
            if (!"administrator".equals(status)) {
                problems.add("the bot is not an administrator (it is '" + status + "'): promote it");
            } else if (!member.path("can_manage_topics").asBoolean(false)) {
                problems.add("the bot may not manage topics: give it the 'Manage topics' right");
            }
        } catch (BotApiException e) {
            if (e.transientFailure() || e.code() == 429) {
                throw e;
            }
            problems.add("Telegram answered " + e.getMessage()
                    + (e.code() == 400 || e.code() == 403
                            ? " (is the bot a member of this group, and is the id right?)"
                            : ""));
        }
        return problems;
    }

    private static ObjectNode params(String chatId) {
        return Json.mapper().createObjectNode().put("chat_id", chatId);
    }

    private JsonNode call(String method, ObjectNode params) {
        var request = new Request.Builder()
                .url(base + method)
                .post(RequestBody.create(Json.write(params), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            JsonNode answer;
            try {
                answer = Json.read(body);
            } catch (RuntimeException e) {
                throw new BotApiException(
                        response.code() >= 500 ? response.code() : 0,
                        method + ": unreadable answer (HTTP " + response.code() + ")",
                        null,
                        e);
            }
            if (answer.path("ok").asBoolean(false)) {
                return answer.path("result");
            }
            JsonNode retry = answer.path("parameters").path("retry_after");
            throw new BotApiException(
                    answer.path("error_code").asInt(response.code()),
                    answer.path("description").asText(""),
                    retry.isNumber() ? Duration.ofSeconds(retry.asLong()) : null,
                    null);
        } catch (IOException e) {
            throw new BotApiException(0, method + ": " + e, null, e);
        }
    }

    @Override
    public void close() {
        TelegramClients.shutdown(http);
    }
}
