package dev.rapport.console;

import dev.rapport.complaint.Complaint;
import dev.rapport.complaint.ComplaintDesk;
import dev.rapport.complaint.ComplaintException;
import dev.rapport.feature.PageRoute;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.handoff.HandoffDetail;
import dev.rapport.staff.AuditLog;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.staff.StaffSession;
import dev.rapport.web.page.Markup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The console's main pages: the three panes, a customer's file, search, and the ticket actions of
 * the customer panel (the same lifecycle as the {@code complaints} commands, recorded as
 * {@code staff:NAME}). Every action is audited. Thread-safe.
 */
final class ConsolePages {

    private final Views views;
    private final Lookup lookup;
    private final CustomerFile files;
    private final ComplaintDesk desk;
    private final HandoffDesk handoffs;
    private final CannedReplies canned;
    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final CancellationPages cancellations;

    ConsolePages(
            Views views,
            Lookup lookup,
            CustomerFile files,
            ComplaintDesk desk,
            HandoffDesk handoffs,
            CannedReplies canned,
            StaffAccounts accounts,
            AuditLog audit,
            CancellationPages cancellations) {
        this.views = views;
        this.lookup = lookup;
        this.files = files;
        this.desk = desk;
        this.handoffs = handoffs;
        this.canned = canned;
        this.accounts = accounts;
        this.audit = audit;
        this.cancellations = cancellations;
    }

    List<PageRoute> routes() {
        var staff = PageRoute.Access.ANY_STAFF;
        return List.of(
                PageRoute.get("/console", staff, this::home),
                PageRoute.get("/console/customers/{customer}", staff, this::customer),
                PageRoute.get("/console/search", staff, this::search),
                PageRoute.get(
                        "/console/fragments/queue",
                        staff,
                        (ctx, session) -> ctx.html(queue(views.of(session)).html())),
                PageRoute.get("/console/customers/{customer}/messages", staff, this::messages),
                PageRoute.post(
                        "/console/tickets/{ticket}/progress",
                        staff,
                        (ctx, session) ->
                                ticket(ctx, session, "ticket.progress", (ticket, by) -> desk.progress(ticket, by))),
                PageRoute.post(
                        "/console/tickets/{ticket}/resolve",
                        staff,
                        (ctx, session) -> ticket(
                                ctx, session, "ticket.resolve", (ticket, by) -> desk.resolve(ticket, note(ctx), by))),
                PageRoute.post(
                        "/console/tickets/{ticket}/close",
                        staff,
                        (ctx, session) -> ticket(
                                ctx,
                                session,
                                "ticket.close",
                                (ticket, by) -> desk.close(ticket, by, ctx.formParam("reason")))));
    }

    private void home(Context ctx, StaffSession session) {
        View view = views.of(session);
        ctx.html(Layout.page(
                        view,
                        view.t("title.console"),
                        "",
                        left(view, List.of(), null),
                        Markup.of(
                                "{}<div class=\"empty\"><p>{}</p></div>",
                                notice(view, ctx),
                                view.t("conversation.pick")),
                        Markup.of("<p class=\"muted\">{}</p>", view.t("customer.pick")))
                .html());
    }

    private void customer(Context ctx, StaffSession session) {
        View view = views.of(session);
        long id = id(ctx.pathParam("customer"));
        audit.record(session.member().ref(), "customer.view", id, Map.of());
        Markup controls = handoffs.forCustomer(id).stream()
                .filter(HandoffDetail::open)
                .findFirst()
                .map(open -> controls(view, open))
                .orElse(Markup.EMPTY);
        customerPage(ctx, view, id, controls);
    }

    /** The three panes for one customer: the queue, their conversation (with {@code controls} under it), their file. */
    void customerPage(Context ctx, View view, long customerId, Markup controls) {
        var file = files.read(customerId).orElseThrow(() -> new NotFoundResponse("No such customer"));
        String name = CustomerPanel.name(view, file.customer());
        ctx.html(Layout.page(
                        view,
                        name + " · " + view.t("title.console"),
                        "",
                        left(view, List.of(), null),
                        Conversation.render(
                                view,
                                name,
                                customerId,
                                handoffs.transcript(customerId, HandoffPages.TRANSCRIPT, null),
                                notice(view, ctx),
                                controls),
                        Markup.of(
                                "{}{}",
                                CancellationPages.panel(view, cancellations.forCustomer(customerId)),
                                CustomerPanel.render(view, file)))
                .html());
    }

    /** What the member can do with a handoff, for its conversation. */
    Markup controls(View view, HandoffDetail handoff) {
        return HandoffControls.render(
                view,
                handoff,
                canned.offer(view.language, handoff.language(), handoff.customerName()),
                accounts.list());
    }

    private void search(Context ctx, StaffSession session) {
        View view = views.of(session);
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        var found = lookup.search(query);
        if (!query.isEmpty()) {
            audit.record(
                    session.member().ref(), "customer.search", null, Map.of("query", query, "found", found.size()));
        }
        ctx.html(Layout.page(
                        view,
                        view.t("search.title") + " · " + view.t("title.console"),
                        query,
                        left(view, found, query),
                        Markup.of("<div class=\"empty\"><p>{}</p></div>", view.t("conversation.pick")),
                        Markup.of("<p class=\"muted\">{}</p>", view.t("customer.pick")))
                .html());
    }

    private void ticket(
            Context ctx, StaffSession session, String action, BiFunction<String, String, Complaint> change) {
        String ticket = ctx.pathParam("ticket");
        try {
            Complaint done = change.apply(ticket, session.member().name());
            audit.record(
                    session.member().ref(),
                    action,
                    done.customerId(),
                    Map.of("ticket", done.ticket(), "status", done.status().code()));
            ctx.redirect("/console/customers/" + done.customerId() + "?done=" + action, HttpStatus.SEE_OTHER);
        } catch (ComplaintException e) {
            ctx.status(HttpStatus.CONFLICT).result(e.getMessage());
        }
    }

    private static String note(Context ctx) {
        String note = ctx.formParam("note");
        return note == null ? "" : note.strip();
    }

    private Markup left(View view, List<Lookup.Found> found, String query) {
        Markup results = Markup.EMPTY;
        if (query != null) {
            results = Markup.of(
                    "<section class=\"block\" id=\"results\"><h3>{}</h3>{}</section>",
                    view.t("search.results", query),
                    found.isEmpty()
                            ? Markup.of("<p class=\"muted\">{}</p>", view.t("search.none"))
                            : Markup.of(
                                    "<ul class=\"list\">{}</ul>",
                                    Markup.join(found.stream()
                                            .map(row -> Markup.of(
                                                    "<li><a href=\"/console/customers/{}\"><b>{}</b> <span class=\"tier tier-{}\">{}</span>"
                                                            + "<span class=\"muted line\">{}</span></a></li>",
                                                    row.customerId(),
                                                    row.name() == null ? "#" + row.customerId() : row.name(),
                                                    row.tier(),
                                                    view.t("tier." + row.tier()),
                                                    row.why()))
                                            .toList())));
        }
        return Markup.of("{}<div id=\"live-queue\">{}</div>", results, queue(view));
    }

    /** The live part of the left pane, re-read by the page when the stream says something changed. */
    private Markup queue(View view) {
        var now = java.time.Instant.now();
        return Markup.of(
                "{}{}",
                QueuePane.render(view, lookup.unhappyAnswers(now), handoffs.queue(), lookup.waitingTickets(), now),
                CancellationPages.queue(view, cancellations.open()));
    }

    /** The conversation's lines only, for the page to swap in when a new message arrives. */
    private void messages(Context ctx, StaffSession session) {
        long id = id(ctx.pathParam("customer"));
        View view = views.of(session);
        ctx.html(Conversation.entries(view, handoffs.transcript(id, HandoffPages.TRANSCRIPT, null))
                .html());
    }

    /** What the last action came to, from the redirect's {@code done} (a text key) and {@code by} (a name). */
    static Markup notice(View view, Context ctx) {
        String done = ctx.queryParam("done");
        if (done == null || !done.matches("[a-z_.]{1,40}") || !view.has("done." + done)) {
            return Markup.EMPTY;
        }
        String by = ctx.queryParam("by") == null ? "" : ctx.queryParam("by");
        return Markup.of("<p class=\"notice\" role=\"status\" id=\"notice\">{}</p>", view.t("done." + done, by));
    }

    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("No such page");
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
