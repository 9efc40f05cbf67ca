package dev.rapport.console;

import dev.rapport.feature.PageRoute;
import dev.rapport.handoff.ClaimResult;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.handoff.HandoffDetail;
import dev.rapport.handoff.HandoffException;
import dev.rapport.staff.AuditLog;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.staff.StaffMember;
import dev.rapport.staff.StaffSession;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;

/**
 * Working a handoff: its page (queue, conversation with controls, customer), and claim, reply, note,
 * transfer, hand back and "take the next chat" — all through the handoff desk, each audited. A
 * refused action (someone else claimed it first, it was handed back) comes back to the page with a
 * notice saying so. Thread-safe.
 */
final class HandoffPages {

    /** "Take the next chat" gives a member a new chat only while they have fewer than this many. */
    static final int CAPACITY = 5;

    static final int TRANSCRIPT = 200;

    private final Views views;
    private final HandoffDesk desk;
    private final ConsolePages console;
    private final StaffAccounts accounts;
    private final AuditLog audit;

    HandoffPages(Views views, HandoffDesk desk, ConsolePages console, StaffAccounts accounts, AuditLog audit) {
        this.views = views;
        this.desk = desk;
        this.console = console;
        this.accounts = accounts;
        this.audit = audit;
    }

    List<PageRoute> routes() {
        var staff = PageRoute.Access.ANY_STAFF;
        return List.of(
                PageRoute.get("/console/handoffs/{handoff}", staff, this::page),
                PageRoute.get("/console/handoffs/{handoff}/controls", staff, this::controls),
                PageRoute.post("/console/handoffs/next", staff, this::takeNext),
                PageRoute.post("/console/handoffs/{handoff}/claim", staff, this::claim),
                PageRoute.post(
                        "/console/handoffs/{handoff}/reply",
                        staff,
                        (ctx, session) -> act(
                                ctx,
                                session,
                                "handoff.reply",
                                handoff -> desk.reply(
                                        handoff.id(), session.member().ref(), text(ctx)))),
                PageRoute.post(
                        "/console/handoffs/{handoff}/note",
                        staff,
                        (ctx, session) -> act(
                                ctx,
                                session,
                                "handoff.note",
                                handoff ->
                                        desk.note(handoff.id(), session.member().ref(), text(ctx)))),
                PageRoute.post("/console/handoffs/{handoff}/transfer", staff, this::transfer),
                PageRoute.post(
                        "/console/handoffs/{handoff}/handback",
                        staff,
                        (ctx, session) -> act(
                                ctx,
                                session,
                                "handoff.hand_back",
                                handoff -> desk.handBack(
                                        handoff.id(), session.member().ref()))));
    }

    private HandoffDetail handoff(Context ctx) {
        return desk.find(ConsolePages.id(ctx.pathParam("handoff")))
                .orElseThrow(() -> new NotFoundResponse("No such handoff"));
    }

    private void page(Context ctx, StaffSession session) {
        View view = views.of(session);
        HandoffDetail handoff = handoff(ctx);
        audit.record(session.member().ref(), "handoff.view", handoff.customerId(), Map.of("handoff", handoff.id()));
        console.customerPage(ctx, view, handoff.customerId(), console.controls(view, handoff));
    }

    private void controls(Context ctx, StaffSession session) {
        View view = views.of(session);
        ctx.html(console.controls(view, handoff(ctx)).html());
    }

    private void claim(Context ctx, StaffSession session) {
        HandoffDetail handoff = handoff(ctx);
        ClaimResult result = desk.claim(handoff.id(), session.member().ref());
        audit.record(
                session.member().ref(),
                "handoff.claim",
                handoff.customerId(),
                Map.of(
                        "handoff",
                        handoff.id(),
                        "outcome",
                        result.outcome().name().toLowerCase(java.util.Locale.ROOT)));
        String back = "/console/handoffs/" + handoff.id();
        switch (result.outcome()) {
            case CLAIMED, ALREADY_YOURS -> ctx.redirect(back + "?done=handoff.claimed", HttpStatus.SEE_OTHER);
            case TAKEN ->
                ctx.redirect(
                        back + "?done=handoff.taken&by="
                                + ConsolePages.encode(
                                        result.owner() == null
                                                ? ""
                                                : result.owner().name()),
                        HttpStatus.SEE_OTHER);
            case CLOSED -> ctx.redirect(back + "?done=handoff.gone", HttpStatus.SEE_OTHER);
        }
    }

    private void transfer(Context ctx, StaffSession session) {
        long to = ConsolePages.id(ctx.formParam("to") == null ? "" : ctx.formParam("to"));
        StaffMember target = accounts.find(to)
                .filter(member -> !member.disabled())
                .orElseThrow(() -> new NotFoundResponse("No such staff member"));
        act(
                ctx,
                session,
                "handoff.transfer",
                handoff -> desk.transfer(handoff.id(), session.member().ref(), target.ref()));
    }

    private void takeNext(Context ctx, StaffSession session) {
        var next = desk.assignNext(session.member().ref(), CAPACITY);
        if (next.isEmpty()) {
            ctx.redirect("/console?done=handoff.none_next", HttpStatus.SEE_OTHER);
            return;
        }
        audit.record(
                session.member().ref(),
                "handoff.take_next",
                next.get().customerId(),
                Map.of("handoff", next.get().id()));
        ctx.redirect("/console/handoffs/" + next.get().id() + "?done=handoff.claimed", HttpStatus.SEE_OTHER);
    }

    private void act(
            Context ctx, StaffSession session, String action, java.util.function.Consumer<HandoffDetail> change) {
        HandoffDetail handoff = handoff(ctx);
        String back = "/console/handoffs/" + handoff.id();
        try {
            change.accept(handoff);
        } catch (HandoffException e) {
            ctx.redirect(
                    back + "?done=problem." + e.problem().name().toLowerCase(java.util.Locale.ROOT),
                    HttpStatus.SEE_OTHER);
            return;
        }
        audit.record(session.member().ref(), action, handoff.customerId(), Map.of("handoff", handoff.id()));
        ctx.redirect(back + "?done=" + action, HttpStatus.SEE_OTHER);
    }

    private static String text(Context ctx) {
        String text = ctx.formParam("text");
        return text == null ? "" : text;
    }
}
