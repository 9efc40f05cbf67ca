package dev.rapport.channel.telegram;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * POSTs one Bot API call and returns Telegram's answer, on the calling thread. The outbox's send
 * path uses it instead of the library client's {@code execute}, which builds the URL and parses the
 * media type anew for each call, and hands every call to OkHttp's dispatcher thread and back (two
 * thread switches per message). Here the URL of each method is built once, the media type is a
 * constant, and the call runs synchronously on the sender thread that asked for it; the URL is the
 * library's ({@code /bot<token>/[test/]<method>}, the method name as the library spells it). The
 * request types, their validation and the reading of error answers stay the library's.
 * Thread-safe: calls from several threads run in parallel on the given client.
 */
final class BotApiPost {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** What came back: the HTTP status and the body (empty when there was none). */
    record Answer(int status, String body) {}

    private final OkHttpClient http;
    private final TelegramUrl apiUrl;
    private final String token;
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();

    BotApiPost(OkHttpClient http, TelegramUrl apiUrl, String token) {
        this.http = http;
        this.apiUrl = apiUrl;
        this.token = token;
    }

    /** @throws IOException no answer: a network error or a time-out, after which the call may still have happened */
    Answer post(String method, byte[] json) throws IOException {
        Request request = new Request.Builder()
                .url(urls.computeIfAbsent(method, this::url))
                .post(RequestBody.create(json, JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            return new Answer(response.code(), body == null ? "" : body.string());
        }
    }

    private HttpUrl url(String method) {
        var url = new HttpUrl.Builder()
                .scheme(apiUrl.getSchema())
                .host(apiUrl.getHost())
                .port(apiUrl.getPort())
                .addPathSegment("bot" + token);
        if (apiUrl.isTestServer()) {
            url.addPathSegment("test");
        }
        return url.addPathSegment(method).build();
    }
}
