package dev.rapport.console;

import dev.rapport.feature.PageRoute;
import dev.rapport.staff.AuditLog;
import dev.rapport.staff.StaffSession;
import dev.rapport.web.page.Markup;
import dev.rapport.winback.CancellationDesk;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;

/**
 * Customers who asked to close their account ({@code cancellation_requests}): the open ones in the
 * queue pane, each customer's in their panel, and {@code POST /console/cancellations/{id}/handle} —
 * the account closed or the customer stays, with a note for the team — audited as
 * {@code cancellation.handle}; the desk records the event. Thread-safe.
 */
final class CancellationPages {

    static final int QUEUE_LIMIT = 30;
    private static final int MAX_NOTE = 2000;

    private final CancellationDesk desk;
    private final AuditLog audit;

    CancellationPages(CancellationDesk desk, AuditLog audit) {
        this.desk = desk;
        this.audit = audit;
    }

    List<PageRoute> routes() {
        return List.of(
                PageRoute.post("/console/cancellations/{request}/handle", PageRoute.Access.ANY_STAFF, this::handle));
    }

    private void handle(Context ctx, StaffSession session) {
        long id = ConsolePages.id(ctx.pathParam("request"));
        CancellationDesk.Outcome outcome;
        try {
            outcome = CancellationDesk.Outcome.of(ctx.formParam("outcome"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        String note = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        if (note.length() > MAX_NOTE) {
            throw new BadRequestResponse("The note is limited to " + MAX_NOTE + " characters.");
        }
        try {
            var settled = desk.handle(id, outcome, note, session.member().ref());
            audit.record(
                    session.member().ref(),
                    "cancellation.handle",
                    settled.customerId(),
                    Map.of("request", id, "outcome", outcome.code()));
            ctx.redirect(
                    "/console/customers/" + settled.customerId() + "?done=cancellation.handle", HttpStatus.SEE_OTHER);
        } catch (CancellationDesk.NotOpen e) {
            ctx.status(HttpStatus.CONFLICT).result(e.getMessage());
        }
    }

    List<CancellationDesk.Request> open() {
        return desk.open(QUEUE_LIMIT);
    }

    List<CancellationDesk.Request> forCustomer(long customerId) {
        return desk.forCustomer(customerId);
    }

    /** The queue pane's section: open requests, oldest first, each opening the customer. */
    static Markup queue(View view, List<CancellationDesk.Request> open) {
        return Markup.of(
                "<section class=\"block\" id=\"cancellation-requests\" data-count=\"{}\"><h3>{}</h3>{}</section>",
                open.size(),
                view.t("queue.cancellations", open.size()),
                open.isEmpty()
                        ? Markup.of("<p class=\"muted\">{}</p>", view.t("queue.no_cancellations"))
                        : Markup.of(
                                "<ul class=\"list\">{}</ul>",
                                Markup.join(open.stream()
                                        .map(request -> Markup.of(
                                                """
                                        <li class="cancellation" id="cancellation-{}"><a href="/console/customers/{}#request-{}"><b>{}</b>
                                        <span class="tier tier-{}">{}</span> <span class="chip">{}</span>
                                        <span class="muted line">{} · {}</span></a></li>""",
                                                request.id(),
                                                request.customerId(),
                                                request.id(),
                                                name(view, request),
                                                request.tier(),
                                                view.t("tier." + request.tier()),
                                                request.channel(),
                                                reason(view, request),
                                                view.t("cancellation.requested", view.when(request.requestedAt()))))
                                        .toList())));
    }

    /** The customer panel's section: their requests; an open one with the form that settles it. */
    static Markup panel(View view, List<CancellationDesk.Request> requests) {
        if (requests.isEmpty()) {
            return Markup.EMPTY;
        }
        return Markup.of(
                "<section class=\"block\" id=\"cancellations\"><h3>{}</h3><ul class=\"list\">{}</ul></section>",
                view.t("cancellation.title"),
                Markup.join(requests.stream()
                        .map(request -> Markup.of(
                                """
                                <li class="cancellation status-{}" id="request-{}"><b>{}</b> <span class="muted">{}</span>
                                <p>{}</p>{}</li>""",
                                request.status(),
                                request.id(),
                                view.t("cancellation.status." + request.status()),
                                view.t("cancellation.requested", view.when(request.requestedAt())),
                                reason(view, request),
                                request.open()
                                        ? form(view, request)
                                        : Markup.of(
                                                "<p class=\"note\">{}</p>",
                                                view.t(
                                                        "cancellation.handled",
                                                        request.handledBy() == null ? "" : request.handledBy(),
                                                        view.when(request.handledAt()),
                                                        request.note() == null ? "—" : request.note()))))
                        .toList()));
    }

    private static Markup form(View view, CancellationDesk.Request request) {
        return Markup.of(
                """
                        <form method="post" action="/console/cancellations/{}/handle" class="handle-cancellation">{}
                        <textarea name="note" rows="2" maxlength="{}" placeholder="{}" aria-label="{}"></textarea>
                        <label><input type="radio" name="outcome" value="done" required> {}</label>
                        <label><input type="radio" name="outcome" value="withdrawn"> {}</label>
                        <button type="submit">{}</button></form>""",
                request.id(),
                view.csrf(),
                MAX_NOTE,
                view.t("cancellation.note_hint"),
                view.t("cancellation.note_hint"),
                view.t("cancellation.done"),
                view.t("cancellation.withdrawn"),
                view.t("cancellation.handle"));
    }

    private static String reason(View view, CancellationDesk.Request request) {
        String reason = request.reason() == null
                ? view.t("cancellation.no_reason")
                : view.has("winback_reason." + request.reason())
                        ? view.t("winback_reason." + request.reason())
                        : request.reason();
        return request.reasonText() == null || request.reasonText().isBlank()
                ? reason
                : reason + " — “" + request.reasonText() + "”";
    }

    private static String name(View view, CancellationDesk.Request request) {
        return request.customerName() == null
                ? view.t("customer.unnamed", request.customerId())
                : request.customerName();
    }
}
