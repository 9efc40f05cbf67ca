package dev.rapport.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.channel.ChannelSender;
import dev.rapport.inbox.Intake;
import dev.rapport.inbox.NewUpdate;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The web chat channel: a page at {@code /chat}, posts into the same inbox as Telegram, and replies
 * pushed live over server-sent events. A browser names its chat with a random session id it keeps
 * in local storage. Handlers run on Jetty's request threads; thread-safe.
 */
public final class WebchatRoutes implements AutoCloseable {

    public static final String CHANNEL = "webchat";
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9-]{16,64}");
    private static final int MAX_TEXT = 4096;
    /** Room for a full 'text' as the page sends it (UTF-8, at most 3 bytes a character) and the other fields. */
    private static final int MAX_BODY = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Intake intake;
    private final Jdbi jdbi;
    private final UpdateIds updateIds;
    private final WebchatHub hub = new WebchatHub();
    private final WebchatSender sender = new WebchatSender(hub);
    private final SseHandler stream = new SseHandler(this::stream);

    public WebchatRoutes(Intake intake, Jdbi jdbi) {
        this.intake = intake;
        this.jdbi = jdbi;
        this.updateIds = new UpdateIds(jdbi);
    }

    public ChannelSender sender() {
        return sender;
    }

    /** {@code GET /chat}: the page. */
    public void page(Context ctx) throws IOException {
        try (InputStream page = WebchatRoutes.class.getResourceAsStream("/webchat/index.html")) {
            ctx.contentType("text/html; charset=utf-8").result(new String(page.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** {@code POST /chat/api/messages}: {"session", "text"} or {"session", "button", "pressId"}; 202 once stored. */
    public void post(Context ctx) throws IOException, InterruptedException {
        JsonNode body;
        try {
            body = JSON.readTree(body(ctx));
        } catch (IOException e) {
            throw new BadRequestResponse("body is not JSON");
        }
        if (!body.isObject()) {
            throw new BadRequestResponse("body must be a JSON object with 'session' and 'text' or 'button'");
        }
        String session = session(body.path("session").asText(null));
        String button = string(body, "button");
        String text = string(body, "text");
        if (button == null && (text == null || text.isBlank())) {
            throw new BadRequestResponse("give 'text' (1-" + MAX_TEXT + " characters) or 'button'");
        }
        if ((text != null && text.length() > MAX_TEXT) || (button != null && button.length() > 64)) {
            throw new BadRequestResponse("'text' is limited to " + MAX_TEXT + " characters, 'button' to 64");
        }
        ObjectNode payload = JSON.createObjectNode();
        payload.put("session", session);
        if (button != null) {
            payload.put("button", button);
            payload.put("pressId", body.path("pressId").asText("press"));
        } else {
            payload.put("text", text);
        }
        payload.put("language", body.path("language").asText(""));
        payload.put("name", body.path("name").asText(""));
        payload.put("at", System.currentTimeMillis());
        var update = NewUpdate.pending(CHANNEL, updateIds.next(), session, button != null ? "button" : "message",
                payload.toString());
        try {
            intake.store(update).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ServiceUnavailableResponse("cannot take messages right now; try again");
        }
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("stored", true));
    }

    /** The request body, read no further than one byte past {@link #MAX_BODY}. */
    private static byte[] body(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        byte[] body = ctx.req().getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw tooLarge();
        }
        return body;
    }

    private static ContentTooLargeResponse tooLarge() {
        return new ContentTooLargeResponse("a web chat post is limited to " + MAX_BODY / 1024
                + " KiB; send a shorter message ('text' up to " + MAX_TEXT + " characters)");
    }

    /** A field that must be a JSON string when given; null when absent or null. */
    private static String string(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestResponse("'" + field + "' must be a JSON string, not " + value.getNodeType()
                    .toString().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }

    /**
     * {@code GET /chat/api/events?session=…}: the recent conversation, then live replies. The session
     * is checked before the event stream starts, so a bad one gets a 400 status.
     */
    public void events(Context ctx) throws Exception {
        session(ctx.queryParam("session"));
        stream.handle(ctx);
    }

    private void stream(SseClient client) {
        String session = session(client.ctx().queryParam("session"));
        client.keepAlive();
        WebchatHub.Tab tab = hub.join(session, client);
        try {
            tab.open("history", history(session));
        } catch (RuntimeException e) {
            tab.close();
            throw e;
        }
    }

    /**
     * The last 50 messages, oldest first. An outbound message is given as its outbox rows (one, or
     * one per part of a long text), each with its dedup key, the key its live push carries; rows
     * not yet sent are included, and the page drops the push that follows. Inbound messages have
     * no key.
     */
    private List<Map<String, Object>> history(String session) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT recent.direction, outbox.dedup_key,
                               coalesce(outbox.reply->>'text', recent.text, ''),
                               coalesce(outbox.reply->'buttons', recent.buttons, '[]')::text
                        FROM (
                            SELECT id, direction, text, buttons FROM messages
                            WHERE channel = :channel AND chat_key = :session AND kind IN ('text', 'command')
                            ORDER BY id DESC LIMIT 50) AS recent
                        LEFT JOIN outbox ON outbox.message_id = recent.id AND recent.direction = 'out'
                        ORDER BY recent.id, outbox.id""")
                .bind("channel", CHANNEL)
                .bind("session", session)
                .map((rs, ctx) -> {
                    Map<String, Object> message = new LinkedHashMap<>();
                    message.put("direction", rs.getString(1));
                    if (rs.getString(2) != null) {
                        message.put("key", rs.getString(2));
                    }
                    message.put("text", rs.getString(3));
                    message.put("buttons", readJson(rs.getString(4)));
                    return message;
                })
                .list());
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String session(String value) {
        if (value == null || !SESSION.matcher(value).matches()) {
            throw new BadRequestResponse("'session' must be 16-64 characters of A-Z a-z 0-9 -");
        }
        return value;
    }

    @Override
    public void close() {
        hub.closeAll();
    }
}
