package dev.rapport.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A fake Telegram Bot API server over real HTTP on 127.0.0.1, for tests and benchmarks. It answers
 * {@code POST /bot<token>/<method>} (method names matched case-insensitively: the client sends them
 * lower-cased) for sendMessage, answerCallbackQuery, setWebhook, getWebhookInfo, deleteWebhook and
 * getMe, records every call, and can be told to fail the way Telegram does: 429 with
 * {@code retry_after}, 5xx, 403 "blocked by the user" for a chat, or slow answers.
 *
 * <p>Thread-safe: requests are served by many threads and the test thread may program failures and
 * read calls at any time. Needs {@code -Dsun.net.httpserver.nodelay=true} (the build passes it; a
 * constructor sets it when nothing else has loaded the JDK's HTTP server yet), or every answer waits
 * for Nagle's algorithm and timings are wrong.
 */
public final class FakeTelegramApi implements AutoCloseable {

    /** The token {@link #FakeTelegramApi()} expects; any other gets 401 like Telegram's. */
    public static final String TOKEN = "123456:TEST-TOKEN";

    private static final ObjectMapper JSON = dev.rapport.store.Json.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long BOT_ID = 123456;

    /**
     * One request as it arrived.
     *
     * @param method the Bot API method as sent (lower case from the TelegramBots client)
     * @param body   the parameters, from a JSON, multipart or form body
     * @param at     when the request arrived
     * @param status the HTTP status (and {@code error_code}) it was answered with
     */
    public record Call(String method, JsonNode body, Instant at, int status) {

        public boolean is(String name) {
            return method.equalsIgnoreCase(name);
        }

        public boolean succeeded() {
            return status == 200;
        }

        /** {@code chat_id} as a number, or null when absent or not numeric. */
        public Long chatId() {
            JsonNode id = body.get("chat_id");
            if (id == null || id.isNull()) {
                return null;
            }
            try {
                return Long.parseLong(id.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public String text() {
            JsonNode text = body.get("text");
            return text == null || text.isNull() ? null : text.asText();
        }
    }

    private final String token;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, List<Call>> callsByMethod = new HashMap<>(); // lower-case method; guarded by calls
    private final AtomicInteger messageIds = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger retryAfterSeconds = new AtomicInteger();
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final AtomicInteger failStatus = new AtomicInteger(500);
    private final AtomicReference<String> failDescription = new AtomicReference<>();
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final AtomicReference<ObjectNode> webhook = new AtomicReference<>(emptyWebhook());
    private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
    // Forum supergroups: group id → topic thread ids that exist; the bot's rights there.
    private final Map<Long, Set<Long>> forums = new ConcurrentHashMap<>();
    private final Map<Long, String> botStatus = new ConcurrentHashMap<>();
    private final AtomicLong threadIds = new AtomicLong(100);
    private final Map<Long, List<Instant>> groupPosts = new ConcurrentHashMap<>();
    private final AtomicInteger groupLimit = new AtomicInteger(20);
    private final AtomicLong groupWindowMillis = new AtomicLong(60_000);
    private final AtomicInteger groupLimitHits = new AtomicInteger();
    private final AtomicReference<FloodControl> flood = new AtomicReference<>();
    private final AtomicInteger floodRefusals = new AtomicInteger();
    private volatile boolean recording = true;
    private HttpServer server;
    private ExecutorService executor;

    public FakeTelegramApi() {
        this(TOKEN);
    }

    public FakeTelegramApi(String token) {
        this.token = token;
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Binds a free port on 127.0.0.1 and starts serving. Returns this, for chaining. */
    public synchronized FakeTelegramApi start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind the fake Telegram API to 127.0.0.1", e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-telegram-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** For example {@code http://127.0.0.1:41234}: the value for TELEGRAM_API_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        if (server == null) {
            throw new IllegalStateException("The fake Telegram API is not started; call start() first");
        }
        return server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    // ---- programmable failures ----

    /** The next {@code times} calls are answered 429 with {@code retry_after = retryAfterSeconds}. */
    public void rateLimitNext(int times, int retryAfterSeconds) {
        this.retryAfterSeconds.set(retryAfterSeconds);
        this.rateLimited.set(times);
    }

    /** The next {@code times} calls are answered with {@code status} (for example 500 or 502). */
    public void failNext(int times, int status) {
        failNext(times, status, null);
    }

    /** As {@link #failNext(int, int)} with Telegram's description, e.g. "Bad Request: query is too old…". */
    public void failNext(int times, int status, String description) {
        failStatus.set(status);
        failDescription.set(description);
        failing.set(times);
    }

    /** The next {@code times} calls succeed, but answer a result the client cannot read (a shape it does not know). */
    public void answerUnreadableNext(int times) {
        unreadable.set(times);
    }

    /** From now on, calls for this chat get 403 "Forbidden: bot was blocked by the user". */
    public void block(long chatId) {
        blocked.add(chatId);
    }

    /** Every answer from now on waits this long (after the call is recorded). */
    public void delay(Duration delay) {
        delayMillis.set(delay.toMillis());
    }

    /**
     * From now on, posting calls over Telegram's flood limits are answered 429 with {@code retry_after}
     * (counted in {@link #floodRefusals()}); null turns enforcement off again (the default).
     */
    public void enforce(FloodLimits limits) {
        flood.set(limits == null ? null : new FloodControl(limits, System.nanoTime()));
    }

    /** How many calls were answered 429 for breaking the limits given to {@link #enforce}. */
    public int floodRefusals() {
        return floodRefusals.get();
    }

    /**
     * Stops (or resumes) keeping each call in memory: listeners ({@link #onCall}) still see every one.
     * For benchmarks sending hundreds of thousands of messages.
     */
    public void recordCalls(boolean keep) {
        this.recording = keep;
    }

    // ---- forum supergroups (the staff group) ----

    /** Makes {@code groupId} a forum supergroup where the bot is an administrator that may manage topics. */
    public void forum(long groupId) {
        forums.putIfAbsent(groupId, ConcurrentHashMap.newKeySet());
        botStatus.put(groupId, "administrator");
    }

    /** The bot's status in the group from now on: {@code administrator}, {@code member}, {@code left}… */
    public void botStatus(long groupId, String status) {
        botStatus.put(groupId, status);
    }

    /** Deletes a topic: sends into it then answer 400 "message thread not found", as Telegram does. */
    public void deleteTopic(long groupId, long threadId) {
        forums.getOrDefault(groupId, Set.of()).remove(threadId);
    }

    /**
     * Telegram's per-group limit: more than {@code limit} posts into one group within {@code window}
     * are answered 429 (counted in {@link #groupLimitHits()}).
     */
    public void groupLimit(int limit, Duration window) {
        groupLimit.set(limit);
        groupWindowMillis.set(window.toMillis());
    }

    /** How many posts into a group were refused for the per-group limit. */
    public int groupLimitHits() {
        return groupLimitHits.get();
    }

    /** The most posts any one group took within one window of the per-group limit. */
    public int mostGroupPostsInWindow(long groupId) {
        List<Instant> posts = List.copyOf(groupPosts.getOrDefault(groupId, List.of()));
        int most = 0;
        for (int i = 0; i < posts.size(); i++) {
            int inWindow = 0;
            for (int j = i;
                    j < posts.size()
                            && Duration.between(posts.get(i), posts.get(j)).toMillis() < groupWindowMillis.get();
                    j++) {
                inWindow++;
            }
            most = Math.max(most, inWindow);
        }
        return most;
    }

    /** Successful posts (sendMessage, copyMessage) into one topic, in order. */
    public List<Call> topicPosts(long groupId, long threadId) {
        return calls().stream()
                .filter(call -> call.succeeded()
                        && (call.is("sendMessage") || call.is("copyMessage"))
                        && Long.valueOf(groupId).equals(call.chatId())
                        && call.body().path("message_thread_id").asLong(-1) == threadId)
                .toList();
    }

    // ---- what happened ----

    /**
     * Calls {@code listener} with every call as it is recorded, before it is answered, on the
     * server's request thread (so keep it short). For benchmarks that time replies without polling
     * {@link #calls()}.
     */
    public void onCall(Consumer<Call> listener) {
        listeners.add(listener);
    }

    /** Forgets the calls recorded so far, so a long benchmark does not keep every request in memory. */
    public void clearCalls() {
        synchronized (calls) {
            calls.clear();
            callsByMethod.clear();
        }
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        synchronized (calls) {
            return List.copyOf(callsByMethod.getOrDefault(method.toLowerCase(Locale.ROOT), List.of()));
        }
    }

    /** The texts delivered (answered 200) to this chat, in the order they arrived. */
    public List<String> sentTexts(long chatId) {
        return calls("sendMessage").stream()
                .filter(call -> call.succeeded() && Long.valueOf(chatId).equals(call.chatId()))
                .map(Call::text)
                .toList();
    }

    /** The most requests this server was answering at the same moment: how parallel the client was. */
    public int mostConcurrentCalls() {
        return mostInFlight.get();
    }

    /** Waits until at least {@code count} calls of {@code method} arrived; returns them or fails. */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String key = method.toLowerCase(Locale.ROOT);
        synchronized (calls) {
            while (true) {
                List<Call> found = callsByMethod.getOrDefault(key, List.of());
                if (found.size() >= count) {
                    return List.copyOf(found);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Expected " + count + " " + method + " calls within " + timeout
                            + " but the fake Telegram API got " + found.size());
                }
                try {
                    calls.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for " + method + " calls", e);
                }
            }
        }
    }

    // ---- serving ----

    private record Answer(int status, JsonNode body) {}

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant at = Instant.now();
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String[] segments = path.split("/");
            String method = segments.length == 0 ? "" : segments[segments.length - 1];
            ObjectNode body =
                    FakeRequestBodies.parse(exchange.getRequestHeaders().getFirst("Content-Type"), bytes);

            Answer answer = path.startsWith("/bot" + token + "/") ? answer(method, body) : error(401, "Unauthorized");
            record(new Call(method, body, at, answer.status()));
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                long delay = delayMillis.get();
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                byte[] response = JSON.writeValueAsBytes(answer.body());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), response.length);
                exchange.getResponseBody().write(response);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private void record(Call call) {
        if (!recording) {
            listeners.forEach(listener -> listener.accept(call));
            return;
        }
        synchronized (calls) {
            calls.add(call);
            callsByMethod
                    .computeIfAbsent(call.method().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                    .add(call);
            calls.notifyAll();
        }
        listeners.forEach(listener -> listener.accept(call));
    }

    private Answer answer(String method, ObjectNode body) {
        Long chatId = chatId(body);
        if (chatId != null && blocked.contains(chatId)) {
            return error(403, "Forbidden: bot was blocked by the user");
        }
        if (takeOne(rateLimited)) {
            int seconds = retryAfterSeconds.get();
            ObjectNode error = errorBody(429, "Too Many Requests: retry after " + seconds);
            error.putObject("parameters").put("retry_after", seconds);
            return new Answer(429, error);
        }
        if (takeOne(failing)) {
            int status = failStatus.get();
            String description = failDescription.get();
            return error(
                    status,
                    description != null ? description : status >= 500 ? "Internal Server Error" : "Bad Request");
        }
        if (takeOne(unreadable)) {
            ObjectNode strange = NODES.objectNode();
            strange.put("message_id", "not-a-number");
            sendMessage(body, chatId); // it did go out
            return ok(strange);
        }
        String lower = method.toLowerCase(Locale.ROOT);
        FloodControl limits = flood.get();
        if (limits != null && chatId != null && posts(lower)) {
            int retryAfter = limits.admit(chatId, System.nanoTime());
            if (retryAfter > 0) {
                floodRefusals.incrementAndGet();
                ObjectNode error = errorBody(429, "Too Many Requests: retry after " + retryAfter);
                error.putObject("parameters").put("retry_after", retryAfter);
                return new Answer(429, error);
            }
        }
        if (chatId != null && forums.containsKey(chatId)) {
            Answer refused = forumCheck(lower, body, chatId);
            if (refused != null) {
                return refused;
            }
        }
        switch (lower) {
            case "sendmessage":
                return sendMessage(body, chatId);
            case "copymessage": {
                if (chatId == null) {
                    return error(400, "Bad Request: chat not found");
                }
                ObjectNode copied = NODES.objectNode();
                copied.put("message_id", messageIds.incrementAndGet());
                return ok(copied);
            }
            case "createforumtopic": {
                long thread = threadIds.incrementAndGet();
                forums.get(chatId).add(thread);
                ObjectNode topic = NODES.objectNode();
                topic.put("message_thread_id", thread)
                        .put("name", body.path("name").asText())
                        .put("icon_color", body.path("icon_color").asInt(0x6FB9F0));
                return ok(topic);
            }
            case "editforumtopic":
            case "editmessagetext":
                return ok(NODES.booleanNode(true));
            case "getchat": {
                ObjectNode chat = NODES.objectNode();
                chat.put("id", chatId)
                        .put("type", "supergroup")
                        .put("title", "Staff")
                        .put("is_forum", true);
                return ok(chat);
            }
            case "getchatmember": {
                ObjectNode member = NODES.objectNode();
                member.set("user", bot());
                String status = botStatus.getOrDefault(chatId, "member");
                member.put("status", status);
                if ("administrator".equals(status)) {
                    member.put("can_manage_topics", true);
                }
                return ok(member);
            }
            case "answercallbackquery":
                return body.path("callback_query_id").asText("").isEmpty()
                        ? error(
                                400,
                                "Bad Request: query is too old and response timeout expired or query ID is invalid")
                        : ok(NODES.booleanNode(true));
            case "setwebhook":
                return setWebhook(body);
            case "getwebhookinfo":
                return ok(webhook.get().deepCopy());
            case "deletewebhook":
                webhook.set(emptyWebhook());
                return ok(NODES.booleanNode(true), "Webhook was deleted");
            case "getme":
                return ok(bot());
            default:
                return error(404, "Not Found");
        }
    }

    /** Rights, deleted topics and the per-group limit for calls into a forum; null when the call may go on. */
    private Answer forumCheck(String method, ObjectNode body, long groupId) {
        boolean posts = method.equals("sendmessage")
                || method.equals("copymessage")
                || method.equals("createforumtopic")
                || method.equals("editforumtopic");
        if (!posts) {
            return null;
        }
        String status = botStatus.getOrDefault(groupId, "member");
        if ("left".equals(status) || "kicked".equals(status)) {
            return error(403, "Forbidden: bot was kicked from the supergroup chat");
        }
        if (method.contains("forumtopic") && !"administrator".equals(status)) {
            return error(400, "Bad Request: not enough rights to manage topics");
        }
        if (body.has("message_thread_id")
                && !forums.get(groupId).contains(body.get("message_thread_id").asLong())) {
            return error(400, "Bad Request: message thread not found");
        }
        synchronized (groupPosts) {
            List<Instant> recent = groupPosts.computeIfAbsent(groupId, id -> new ArrayList<>());
            Instant now = Instant.now();
            long inWindow = recent.stream()
                    .filter(at -> Duration.between(at, now).toMillis() < groupWindowMillis.get())
                    .count();
            if (inWindow >= groupLimit.get()) {
                groupLimitHits.incrementAndGet();
                ObjectNode error = errorBody(429, "Too Many Requests: retry after 3");
                error.putObject("parameters").put("retry_after", 3);
                return new Answer(429, error);
            }
            recent.add(now);
        }
        return null;
    }

    private Answer sendMessage(ObjectNode body, Long chatId) {
        String text = body.path("text").asText("");
        if (chatId == null) {
            return error(400, "Bad Request: chat not found");
        }
        if (text.isBlank()) {
            return error(400, "Bad Request: message text is empty");
        }
        if (text.length() > 4096) {
            return error(400, "Bad Request: message is too long");
        }
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageIds.incrementAndGet());
        message.set("from", bot());
        message.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        if (body.has("reply_markup")) {
            message.set("reply_markup", body.get("reply_markup"));
        }
        return ok(message);
    }

    private Answer setWebhook(ObjectNode body) {
        String url = body.path("url").asText("");
        if (!url.isEmpty() && !url.startsWith("https://")) {
            return error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        ObjectNode info = emptyWebhook();
        info.put("url", url);
        info.put("max_connections", body.path("max_connections").asInt(40));
        JsonNode allowed = body.get("allowed_updates");
        if (allowed != null && allowed.isArray()) {
            info.set("allowed_updates", allowed);
        } else if (webhook.get().has("allowed_updates")) {
            info.set("allowed_updates", webhook.get().get("allowed_updates")); // kept unless given
        }
        webhook.set(info);
        return ok(NODES.booleanNode(true), "Webhook was set");
    }

    private static ObjectNode emptyWebhook() {
        ObjectNode info = NODES.objectNode();
        info.put("url", "");
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", 0);
        return info;
    }

    private static ObjectNode bot() {
        ObjectNode bot = NODES.objectNode();
        bot.put("id", BOT_ID)
                .put("is_bot", true)
                .put("first_name", "Rapport Test Bot")
                .put("username", "rapport_test_bot");
        return bot;
    }

    private static Answer ok(JsonNode result) {
        return ok(result, null);
    }

    private static Answer ok(JsonNode result, String description) {
        ObjectNode body = NODES.objectNode().put("ok", true);
        body.set("result", result);
        if (description != null) {
            body.put("description", description);
        }
        return new Answer(200, body);
    }

    private static Answer error(int status, String description) {
        return new Answer(status, errorBody(status, description));
    }

    private static ObjectNode errorBody(int status, String description) {
        return NODES.objectNode().put("ok", false).put("error_code", status).put("description", description);
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
    }

    /** Calls that post a message into a chat, which Telegram's flood limits count. */
    private static boolean posts(String method) {
        return method.startsWith("send") || method.equals("copymessage") || method.equals("forwardmessage");
    }

    private static Long chatId(ObjectNode body) {
        JsonNode id = body.get("chat_id");
        if (id == null || id.isNull()) {
            return null;
        }
        try {
            return Long.parseLong(id.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
