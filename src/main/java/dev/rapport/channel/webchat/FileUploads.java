package dev.rapport.channel.webchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.inbox.Intake;
import dev.rapport.inbox.NewUpdate;
import dev.rapport.store.Json;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /chat/api/files}: a photo or PDF from the web chat's attach button. The body is the
 * file's bytes; {@code ?name=} its name as the customer's device called it, {@code ?language=} the
 * page's language. What the file is comes from its first bytes ({@link FileKinds}); at most
 * {@value #MAX_MB} MB. The file is kept ({@link ChatFiles}) and then posted to the inbox like a Telegram
 * photo, so the engine keeps it with the dialogue that is waiting (a complaint's attachments) and the
 * message log, events and transcripts show it.
 *
 * <p>Cross-site requests cannot post here: the session cookie is SameSite=Lax, and the page sends a
 * header ({@value #HEADER}) that another site could only send after a CORS preflight, which Rapport
 * never grants. Rate limits and the session are checked by {@link WebchatRoutes} first. Thread-safe.
 */
final class FileUploads {

    static final String HEADER = "X-Rapport-Chat";
    static final int MAX_MB = 10;
    static final int MAX_BYTES = MAX_MB * 1024 * 1024;
    private static final int MAX_NAME = 200;

    private final Intake intake;
    private final UpdateIds updateIds;
    private final ChatFiles files;

    FileUploads(Intake intake, UpdateIds updateIds, ChatFiles files) {
        this.intake = intake;
        this.updateIds = updateIds;
        this.files = files;
    }

    /** Refuses a request another site's page could have made (see the class comment). */
    static void checkSameSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (ctx.header(HEADER) == null || "cross-site".equals(site) || "same-site".equals(site)) {
            throw new ForbiddenResponse("files are sent from the web chat page only (header " + HEADER + ")");
        }
    }

    void upload(Context ctx, String chatKey) throws IOException, InterruptedException {
        byte[] bytes = body(ctx);
        if (bytes.length == 0) {
            throw new BadRequestResponse("the body is empty: send the file's bytes / 文件为空，请重新选择文件。");
        }
        FileKinds.Sniffed sniffed = FileKinds.sniff(bytes)
                .orElseThrow(
                        () -> new UnsupportedMediaTypeResponse(
                                "Only photos (JPEG, PNG, GIF, WebP) and PDF files can be sent. / 只能发送照片（JPEG、PNG、GIF、WebP）或 PDF 文件。"));
        long customerId = files.customerOf(chatKey)
                .orElseThrow(() -> new ConflictResponse(
                        "The chat is still starting; please send the file again in a moment. / 对话正在建立，请稍后再发送文件。"));
        String name = name(ctx.queryParam("name"));
        long fileId = files.store(chatKey, customerId, sniffed, name, bytes);
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("file", fileId);
        payload.put("kind", sniffed.kind());
        payload.put("name", name);
        payload.put("language", language(ctx.queryParam("language")));
        payload.put("at", System.currentTimeMillis());
        var update = NewUpdate.pending(WebchatRoutes.CHANNEL, updateIds.next(), chatKey, "message", payload.toString());
        try {
            intake.store(update, Duration.ofSeconds(10));
        } catch (Intake.Unavailable e) {
            files.forget(fileId);
            throw new ServiceUnavailableResponse("cannot take files right now; try again / 暂时无法接收文件，请稍后再试。");
        }
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("stored", true, "kind", sniffed.kind()));
    }

    /** The body, read no further than one byte past the limit. */
    private static byte[] body(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge(declared);
        }
        byte[] bytes = ctx.req().getInputStream().readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(-1);
        }
        return bytes;
    }

    private static ContentTooLargeResponse tooLarge(long size) {
        String mb = size > 0 ? String.format(Locale.ROOT, "%.1f MB", size / 1024.0 / 1024.0) : null;
        return new ContentTooLargeResponse("Files are limited to " + MAX_MB + " MB"
                + (mb == null ? "" : "; this one is " + mb)
                + ". Please send a smaller photo or PDF. / 文件最大 " + MAX_MB + " MB" + (mb == null ? "" : "，这个文件有 " + mb)
                + "，请发送较小的照片或 PDF。");
    }

    /** The device's name for the file, without paths or control characters; null when none. */
    static String name(String given) {
        if (given == null) {
            return null;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static String language(String given) {
        return "zh".equals(given) || "en".equals(given) ? given : "";
    }
}
