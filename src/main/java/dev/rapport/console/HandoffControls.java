package dev.rapport.console;

import dev.rapport.handoff.HandoffDetail;
import dev.rapport.handoff.HandoffState;
import dev.rapport.staff.StaffMember;
import dev.rapport.web.page.Markup;
import java.util.ArrayList;
import java.util.List;

/**
 * Under the conversation of a handoff: claim it, reply (with canned replies in the customer's
 * language), write an internal note, transfer it, hand it back to the bot — what the member may do
 * given who has the chat. Stateless.
 */
final class HandoffControls {

    private HandoffControls() {}

    static Markup render(View view, HandoffDetail handoff, List<CannedReplies.Canned> canned, List<StaffMember> team) {
        String base = "/console/handoffs/" + handoff.id();
        long me = view.session.member().id();
        List<Markup> parts = new ArrayList<>();
        if (handoff.state() == HandoffState.CLOSED) {
            parts.add(Markup.of(
                    "<p class=\"muted\" id=\"handoff-state\">{}</p>",
                    view.t(
                            "handoff.closed",
                            handoff.closedBy() == null ? "" : handoff.closedBy().name())));
            return wrap(handoff, Markup.join(parts));
        }
        boolean mine = handoff.state() == HandoffState.CLAIMED
                && handoff.owner() != null
                && handoff.owner().id() == me;
        if (handoff.state() == HandoffState.WAITING) {
            parts.add(Markup.of(
                    """
                            <p id="handoff-state">{}</p>
                            <form method="post" action="{}/claim">{}<button type="submit" id="claim">{}</button></form>""",
                    view.t("handoff.waiting", QueuePane.reasons(view, handoff.reasons())),
                    base,
                    view.csrf(),
                    view.t("handoff.claim")));
        } else if (!mine) {
            parts.add(Markup.of(
                    "<p id=\"handoff-state\">{}</p>",
                    view.t(
                            "handoff.with",
                            handoff.owner() == null ? "" : handoff.owner().name())));
        }
        if (mine) {
            parts.add(Markup.of(
                    """
                            <form method="post" action="{}/reply" class="reply" id="reply-form">{}
                            <label class="muted" for="canned">{}</label>
                            <select id="canned" data-target="reply-text"><option value="">—</option>{}</select>
                            <textarea name="text" id="reply-text" rows="3" required placeholder="{}" aria-label="{}"></textarea>
                            <div class="actions"><button type="submit" id="send-reply">{}</button></div></form>""",
                    base,
                    view.csrf(),
                    view.t("handoff.canned"),
                    Markup.join(canned.stream()
                            .map(reply -> Markup.of(
                                    "<option value=\"{}\" data-key=\"{}\">{}</option>",
                                    reply.text(),
                                    reply.key(),
                                    reply.label()))
                            .toList()),
                    view.t(
                            "handoff.reply_hint",
                            view.t("language." + handoff.language().code())),
                    view.t(
                            "handoff.reply_hint",
                            view.t("language." + handoff.language().code())),
                    view.t("handoff.send")));
        }
        parts.add(Markup.of(
                """
                        <form method="post" action="{}/note" class="reply note-form">{}
                        <textarea name="text" id="note-text" rows="2" required placeholder="{}" aria-label="{}"></textarea>
                        <div class="actions"><button type="submit" id="add-note" class="secondary">{}</button></div></form>""",
                base,
                view.csrf(),
                view.t("handoff.note_hint"),
                view.t("handoff.note_hint"),
                view.t("handoff.note")));
        var others = team.stream()
                .filter(member -> !member.disabled()
                        && (handoff.owner() == null
                                || member.id() != handoff.owner().id()))
                .toList();
        List<Markup> rowActions = new ArrayList<>();
        if (!others.isEmpty()) {
            rowActions.add(Markup.of(
                    """
                            <form method="post" action="{}/transfer">{}<select name="to" id="transfer-to" aria-label="{}">{}</select>
                            <button type="submit" id="transfer" class="secondary">{}</button></form>""",
                    base,
                    view.csrf(),
                    view.t("handoff.transfer"),
                    Markup.join(others.stream()
                            .map(member -> Markup.of(
                                    "<option value=\"{}\">{} ({})</option>",
                                    member.id(),
                                    member.name(),
                                    view.t("role." + member.role().code())))
                            .toList()),
                    view.t("handoff.transfer")));
        }
        if (mine || handoff.state() == HandoffState.WAITING) {
            rowActions.add(Markup.of("""
                            <form method="post" action="{}/handback">{}<button type="submit" id="hand-back" class="secondary">{}</button></form>""", base, view.csrf(), view.t("handoff.hand_back")));
        }
        parts.add(Markup.of("<div class=\"actions\">{}</div>", Markup.join(rowActions)));
        return wrap(handoff, Markup.join(parts));
    }

    private static Markup wrap(HandoffDetail handoff, Markup inside) {
        return Markup.of(
                "<div id=\"live-conversation\" class=\"controls\" data-src=\"/console/handoffs/{}/controls\""
                        + " data-handoff=\"{}\" data-state=\"{}\">{}</div>",
                handoff.id(),
                handoff.id(),
                handoff.state().name(),
                inside);
    }
}
