package dev.rapport.console;

import dev.rapport.feature.PageRoute;
import dev.rapport.staff.AuditLog;
import dev.rapport.staff.StaffSession;
import dev.rapport.web.page.Markup;
import io.javalin.http.Context;
import io.javalin.http.GoneResponse;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The files customers sent through the web chat ({@code chat_files}, references {@code webchat:<id>}),
 * for staff only: {@code GET /console/files/{id}} answers the stored bytes with the type their first
 * bytes showed when they arrived (never the customer's name for it); a photo inline, a PDF as a
 * download; the {@code Content-Disposition} name is an ASCII one Rapport makes, with the customer's
 * name only in RFC 5987 form; {@code nosniff} and a sandbox policy. Customers have no route to any file. Opening one
 * is audited. Telegram's files stay in Telegram (their ids are shown, not served). Thread-safe.
 */
final class ChatFilePages {

    private static final String PREFIX = "webchat:";

    private record Stored(long id, long customerId, String kind, String contentType, String fileName, byte[] bytes) {}

    private final Jdbi jdbi;
    private final AuditLog audit;

    ChatFilePages(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    List<PageRoute> routes() {
        return List.of(PageRoute.get("/console/files/{file}", PageRoute.Access.ANY_STAFF, this::open));
    }

    private void open(Context ctx, StaffSession session) {
        long id = ConsolePages.id(ctx.pathParam("file"));
        Stored file = read(id).orElseThrow(() -> new NotFoundResponse("No such file"));
        if (file.bytes() == null) {
            throw new GoneResponse("This file was erased with the customer's personal data.");
        }
        audit.record(session.member().ref(), "customer.file_view", file.customerId(), Map.of("file", id));
        String extension = switch (file.contentType()) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> "pdf";
        };
        // A photo opens in the browser; a PDF is downloaded (a sandboxed page cannot show it, an open one could run
        // it).
        boolean photo = file.contentType().startsWith("image/");
        String disposition =
                (photo ? "inline" : "attachment") + "; filename=\"" + file.kind() + "-" + id + "." + extension + "\""
                        + (file.fileName() == null
                                ? ""
                                : "; filename*=UTF-8''"
                                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8)
                                                .replace("+", "%20")
                                                .replace("*", "%2A"));
        ctx.header("Content-Disposition", disposition)
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Security-Policy",
                        "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .header("Cache-Control", "private, no-store")
                .contentType(file.contentType())
                .result(file.bytes());
    }

    private Optional<Stored> read(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, customer_id, kind, content_type, file_name, bytes FROM chat_files WHERE id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new Stored(
                        rs.getLong("id"),
                        rs.getLong("customer_id"),
                        rs.getString("kind"),
                        rs.getString("content_type"),
                        rs.getString("file_name"),
                        rs.getBytes("bytes")))
                .findOne());
    }

    /** The id of a web chat file reference, when it is one. */
    static Optional<Long> webchatFile(Object reference) {
        if (reference instanceof String text && text.startsWith(PREFIX)) {
            try {
                return Optional.of(Long.parseLong(text.substring(PREFIX.length())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A file in the conversation or a ticket: a web chat photo as a thumbnail linking to the file, a
     * document as a link; anything else (a Telegram file, kept in Telegram) as its kind in brackets.
     */
    static Markup link(View view, String kind, Object reference) {
        Optional<Long> id = webchatFile(reference);
        if (id.isEmpty()) {
            return Markup.of("[{}]", view.has("file." + kind) ? view.t("file." + kind) : kind);
        }
        String href = "/console/files/" + id.get();
        if ("photo".equals(kind)) {
            return Markup.of(
                    "<a class=\"attachment\" href=\"{}\" target=\"_blank\" rel=\"noopener\" title=\"{}\">"
                            + "<img src=\"{}\" alt=\"{}\" loading=\"lazy\"></a>",
                    href,
                    view.t("file.open"),
                    href,
                    view.t("file.photo"));
        }
        return Markup.of(
                "<a class=\"attachment\" href=\"{}\" target=\"_blank\" rel=\"noopener\">📎 {}</a>",
                href,
                view.t("file.pdf")); // the web chat takes photos and PDFs only
    }
}
