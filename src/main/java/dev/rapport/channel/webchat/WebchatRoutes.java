package dev.rapport.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.channel.ChannelSender;
import dev.rapport.config.RapportConfig;
import dev.rapport.inbox.Intake;
import dev.rapport.inbox.NewUpdate;
import dev.rapport.store.Json;
import dev.rapport.store.LiveFeed;
import dev.rapport.web.live.LimitExceeded;
import dev.rapport.web.live.LiveStreams;
import dev.rapport.web.live.TokenBuckets;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.UnauthorizedResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The web chat channel: a page at {@code /chat} that gives the browser its session (a cookie, see
 * {@link WebchatSessions}), posts into the same inbox as Telegram, and replies pushed live over
 * server-sent events from any instance. Every write is limited per address and per session, and
 * streams are capped (see {@link LiveStreams}); over a limit the answer is 429 or 503 with
 * {@code Retry-After}. Handlers run on Jetty's request threads; thread-safe.
 */
public final class WebchatRoutes implements AutoCloseable {

    public static final String CHANNEL = "webchat";
    private static final int MAX_BUTTON = 64;

    private final Intake intake;
    private final RapportConfig.Webchat settings;
    private final UpdateIds updateIds;
    private final WebchatSessions sessions;
    private final TokenBuckets sessionMessages;
    private final TokenBuckets addressMessages;
    private final TokenBuckets historyReads;
    private final WebchatHistory history;
    private final int maxBody;
    private final LiveStreams streams;
    private final WebchatHub hub;
    private final WebchatSender sender;
    private final FileUploads uploads;
    private final String businessName;

    public WebchatRoutes(
            Intake intake,
            Jdbi jdbi,
            LiveFeed feed,
            RapportConfig.Webchat settings,
            String businessName,
            MeterRegistry metrics) {
        this.intake = intake;
        this.businessName = businessName;
        this.settings = settings;
        this.updateIds = new UpdateIds(jdbi);
        this.sessions = new WebchatSessions(jdbi, settings);
        this.sessionMessages = new TokenBuckets(
                settings.sessionMessages().perMinute(),
                settings.sessionMessages().burst());
        this.addressMessages = new TokenBuckets(
                settings.addressMessages().perMinute(),
                settings.addressMessages().burst());
        this.historyReads = new TokenBuckets(
                settings.sessionMessages().perMinute(),
                settings.sessionMessages().burst());
        // Room for a full 'text' as the page sends it (UTF-8, at most 3 bytes a character) and the other fields.
        this.maxBody = settings.maxTextChars() * 3 + 1024;
        this.streams = new LiveStreams(
                CHANNEL,
                new LiveStreams.Limits(settings.maxStreams(), settings.streamHeartbeat(), settings.streamLifetime()),
                metrics);
        this.history = new WebchatHistory(jdbi);
        this.hub = new WebchatHub(history, feed);
        this.sender = new WebchatSender(jdbi);
        this.uploads = new FileUploads(intake, updateIds, new ChatFiles(jdbi));
    }

    public ChannelSender sender() {
        return sender;
    }

    /**
     * {@code GET /chat}: the page, with a new session when the browser has none. A personal link
     * ({@code ?start=<token>}) always opens a new chat, which the page starts with {@code /start <token>}.
     */
    public void page(Context ctx) throws IOException {
        if (ctx.queryParam("start") != null || sessions.chatKey(ctx).isEmpty()) {
            try {
                sessions.issue(ctx, address(ctx));
            } catch (LimitExceeded limit) {
                ctx.status(limit.status())
                        .header("Retry-After", Long.toString(limit.retryAfterSeconds()))
                        .contentType("text/plain; charset=utf-8")
                        .result("Too many new chats right now; please try again in a few minutes.\n"
                                + "当前新开对话过多，请几分钟后再试。\n(" + limit.limit() + ")\n");
                return;
            }
        }
        try (InputStream page = WebchatRoutes.class.getResourceAsStream("/webchat/index.html")) {
            ctx.header("Cache-Control", "no-store")
                    .contentType("text/html; charset=utf-8")
                    .result(new String(page.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("{{maxTextChars}}", Integer.toString(settings.maxTextChars()))
                            .replace("{{businessName}}", html(businessName))
                            .replace("{{logoUrl}}", html(settings.logoUrl()))
                            .replace("{{maxFileMb}}", Integer.toString(FileUploads.MAX_MB)));
        }
    }

    /** {@code POST /chat/api/messages}: {"text"} or {"button", "pressId"}, plus "language", "name"; 202 once stored. */
    public void post(Context ctx) throws IOException, InterruptedException {
        take(addressMessages, address(ctx), "address_messages", "webchat.address_messages_per_minute");
        String chatKey = chatKey(ctx);
        take(sessionMessages, chatKey, "session_messages", "webchat.session_messages_per_minute");
        JsonNode body;
        try {
            body = Json.mapper().readTree(body(ctx));
        } catch (IOException e) {
            throw new BadRequestResponse("body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestResponse("body must be a JSON object with 'text' or 'button'");
        }
        String button = string(body, "button");
        String text = string(body, "text");
        if (button == null && (text == null || text.isBlank())) {
            throw new BadRequestResponse("give 'text' (1-" + settings.maxTextChars() + " characters) or 'button'");
        }
        if (text != null && text.length() > settings.maxTextChars()) {
            throw new ContentTooLargeResponse(
                    "'text' is limited to " + settings.maxTextChars() + " characters; this one has "
                            + text.length() + ". Please send it in shorter parts. / 消息最多 " + settings.maxTextChars()
                            + " 个字符，这条有 " + text.length() + " 个，请分几条发送。");
        }
        if (button != null && button.length() > MAX_BUTTON) {
            throw new BadRequestResponse("'button' is limited to " + MAX_BUTTON + " characters");
        }
        ObjectNode payload = Json.mapper().createObjectNode();
        if (button != null) {
            payload.put("button", button);
            payload.put("pressId", body.path("pressId").asText("press"));
        } else {
            payload.put("text", text);
        }
        payload.put("language", body.path("language").asText(""));
        payload.put("name", body.path("name").asText(""));
        payload.put("at", System.currentTimeMillis());
        var update = NewUpdate.pending(
                CHANNEL, updateIds.next(), chatKey, button != null ? "button" : "message", payload.toString());
        try {
            intake.store(update, Duration.ofSeconds(10));
        } catch (Intake.Unavailable e) {
            throw new ServiceUnavailableResponse("cannot take messages right now; try again");
        }
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("stored", true));
    }

    /**
     * {@code POST /chat/api/files}: a photo or PDF (see {@link FileUploads}); counted against the same
     * limits as messages, for the session in the cookie.
     */
    public void upload(Context ctx) throws IOException, InterruptedException {
        FileUploads.checkSameSite(ctx);
        take(addressMessages, address(ctx), "address_messages", "webchat.address_messages_per_minute");
        String chatKey = chatKey(ctx);
        take(sessionMessages, chatKey, "session_messages", "webchat.session_messages_per_minute");
        uploads.upload(ctx, chatKey);
    }

    /**
     * {@code GET /chat/api/events}: the recent conversation, then live replies, for the session in the
     * cookie. Refusals (no session, a cap) are plain HTTP statuses: they come before the stream starts.
     */
    public void events(Context ctx) throws Exception {
        String chatKey = chatKey(ctx);
        String address = address(ctx);
        streams.open(
                ctx,
                List.of(
                        new LiveStreams.Share("session:" + chatKey, settings.sessionStreams(), "session_streams"),
                        new LiveStreams.Share("address:" + address, settings.addressStreams(), "address_streams")),
                stream -> hub.open(chatKey, stream));
    }

    /**
     * {@code GET /chat/api/history?before=<id>}: the session's messages before the one with that id
     * (the {@code earlier} of the {@code chat} event, or of the previous answer), as
     * {"messages": [...], "earlier": id or null}. Limited per session like posts, in its own bucket.
     */
    public void earlier(Context ctx) {
        String chatKey = chatKey(ctx);
        take(historyReads, chatKey, "session_history_reads", "webchat.session_messages_per_minute");
        long before;
        try {
            before = Long.parseLong(ctx.queryParam("before") == null ? "" : ctx.queryParam("before"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(
                    "give 'before': the id of the earliest message shown (the 'earlier' of the chat event)");
        }
        WebchatHistory.Page page = history.page(chatKey, before);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("messages", page.messages());
        answer.put("earlier", page.earlier());
        ctx.header("Cache-Control", "no-store").json(answer);
    }

    private String chatKey(Context ctx) {
        return sessions.chatKey(ctx)
                .orElseThrow(() -> new UnauthorizedResponse(
                        "no web chat session: open /chat first (it gives the browser its session in a cookie)"));
    }

    private String address(Context ctx) {
        return ClientAddress.of(ctx, settings.behindProxy());
    }

    private static void take(TokenBuckets buckets, String key, String limit, String setting) {
        Duration wait = buckets.take(key);
        if (!wait.isZero()) {
            throw LimitExceeded.tooMany(
                    limit, wait, "too many messages; wait a moment and send again (" + setting + ")");
        }
    }

    /** The request body, read no further than one byte past the limit. */
    private byte[] body(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > maxBody) {
            throw tooLarge();
        }
        byte[] body = ctx.req().getInputStream().readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            throw tooLarge();
        }
        return body;
    }

    private ContentTooLargeResponse tooLarge() {
        return new ContentTooLargeResponse("a web chat post is limited to " + maxBody + " bytes; send a shorter "
                + "message ('text' up to " + settings.maxTextChars() + " characters) / 消息过长：每条最多 "
                + settings.maxTextChars() + " 个字符，请分几条发送。");
    }

    /** {@code value} safe inside HTML text and double-quoted attributes. */
    static String html(String value) {
        return value == null
                ? ""
                : value.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&#39;");
    }

    /** A field that must be a JSON string when given; null when absent or null. */
    private static String string(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestResponse("'" + field + "' must be a JSON string, not "
                    + value.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }

    /** Ends every stream (browsers reconnect, to another instance if this one stops) and the pushes. */
    @Override
    public void close() {
        streams.close();
        hub.close();
    }
}
