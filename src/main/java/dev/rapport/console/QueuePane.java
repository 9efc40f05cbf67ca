package dev.rapport.console;

import dev.rapport.handoff.HandoffReason;
import dev.rapport.handoff.HandoffState;
import dev.rapport.handoff.QueuedHandoff;
import dev.rapport.survey.SurveyAlerts;
import dev.rapport.web.page.Markup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The left pane's live part: a strip of unhappy survey answers of the last day (NPS detractors, CSAT
 * 1–2; shown only when there are some), then chats waiting for a person (queue order: tier, priority,
 * wait) with tier, reasons, language, channel, waiting time and the last message; then the chats
 * people have; then tickets that wait. Re-rendered whenever the stream says something changed. Stateless.
 */
final class QueuePane {

    private QueuePane() {}

    static Markup render(
            View view,
            List<SurveyAlerts.Alert> alerts,
            List<QueuedHandoff> handoffs,
            List<Lookup.WaitingTicket> tickets,
            Instant now) {
        return Markup.of("{}{}", alerts(view, alerts), render(view, handoffs, tickets, now));
    }

    /** Each unhappy answer links to the customer, whose open handoff (if any) has the same alert as a note. */
    static Markup alerts(View view, List<SurveyAlerts.Alert> alerts) {
        if (alerts.isEmpty()) {
            return Markup.EMPTY;
        }
        return Markup.of(
                """
                        <section class="block alerts" id="survey-alerts" data-count="{}"><h3>{}</h3><ul class="list">{}</ul></section>""",
                alerts.size(),
                view.t("alerts.title", Lookup.ALERT_HOURS),
                Markup.join(alerts.stream()
                        .map(alert -> Markup.of(
                                """
                        <li class="alert" id="alert-{}"><a href="/console/customers/{}"><b>{}</b>
                        <span class="tier tier-{}">{}</span> <span class="breach">{}</span>
                        <span class="muted line">{} · {}</span></a></li>""",
                                alert.answerId(),
                                alert.customerId(),
                                alert.customerName() == null
                                        ? view.t("customer.unnamed", alert.customerId())
                                        : alert.customerName(),
                                alert.tier(),
                                view.has("tier." + alert.tier()) ? view.t("tier." + alert.tier()) : alert.tier(),
                                view.t(
                                        "alerts.score",
                                        alert.type().toUpperCase(java.util.Locale.ROOT),
                                        alert.score(),
                                        alert.scale()),
                                view.t("alerts.survey", alert.survey()),
                                view.when(alert.at())))
                        .toList()));
    }

    static Markup render(View view, List<QueuedHandoff> handoffs, List<Lookup.WaitingTicket> tickets, Instant now) {
        var waiting = handoffs.stream()
                .filter(handoff -> handoff.state() == HandoffState.WAITING)
                .toList();
        var claimed = handoffs.stream()
                .filter(handoff -> handoff.state() == HandoffState.CLAIMED)
                .toList();
        return Markup.of(
                """
                        <section class="block" id="waiting-handoffs" data-count="{}"><h3>{}</h3>{}{}</section>
                        <section class="block" id="claimed-handoffs"><h3>{}</h3>{}</section>
                        <section class="block" id="waiting-tickets"><h3>{}</h3>{}</section>""",
                waiting.size(),
                view.t("queue.waiting", waiting.size()),
                waiting.isEmpty() ? Markup.EMPTY : Markup.of("""
                        <form method="post" action="/console/handoffs/next">{}<button type="submit" id="take-next">{}</button></form>""", view.csrf(), view.t("queue.take_next")),
                list(view, waiting, "queue.none_waiting", now),
                view.t("queue.claimed"),
                list(view, claimed, "queue.none_claimed", now),
                view.t("queue.tickets"),
                tickets(view, tickets));
    }

    private static Markup list(View view, List<QueuedHandoff> handoffs, String emptyKey, Instant now) {
        if (handoffs.isEmpty()) {
            return Markup.of("<p class=\"muted\">{}</p>", view.t(emptyKey));
        }
        return Markup.of(
                "<ul class=\"list\">{}</ul>",
                Markup.join(handoffs.stream()
                        .map(handoff -> Markup.of(
                                """
                        <li class="handoff{}" id="handoff-{}"><a href="/console/handoffs/{}"><b>{}</b>
                        <span class="tier tier-{}">{}</span> <span class="chip">{} · {}</span>{}
                        <span class="muted line">{}</span>
                        <span class="line">{}</span>
                        <span class="muted line">{}</span></a></li>""",
                                handoff.flagged() ? " flagged" : "",
                                handoff.id(),
                                handoff.id(),
                                handoff.customerName() == null
                                        ? view.t("customer.unnamed", handoff.customerId())
                                        : handoff.customerName(),
                                handoff.tier().code(),
                                view.t("tier." + handoff.tier().code()),
                                handoff.language().code(),
                                handoff.channel().code(),
                                handoff.flagged()
                                        ? Markup.of(" <span class=\"breach\">{}</span>", view.t("queue.flagged"))
                                        : Markup.EMPTY,
                                reasons(view, handoff.reasons()),
                                handoff.lastCustomerText() == null ? "" : handoff.lastCustomerText(),
                                handoff.owner() != null
                                        ? view.t("queue.with", handoff.owner().name())
                                        : view.t("queue.waited", minutes(handoff.waitingSince(), now))))
                        .toList()));
    }

    static String reasons(View view, List<HandoffReason> reasons) {
        return reasons.stream()
                .map(HandoffReason::reason)
                .distinct()
                .map(reason -> view.has("reason." + reason) ? view.t("reason." + reason) : reason)
                .collect(Collectors.joining(", "));
    }

    private static long minutes(Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toMinutes());
    }

    private static Markup tickets(View view, List<Lookup.WaitingTicket> tickets) {
        if (tickets.isEmpty()) {
            return Markup.of("<p class=\"muted\">{}</p>", view.t("queue.no_tickets"));
        }
        return Markup.of(
                "<ul class=\"list\">{}</ul>",
                Markup.join(tickets.stream()
                        .map(ticket -> Markup.of(
                                "<li><a href=\"/console/customers/{}#ticket-{}\"><b>{}</b> <span class=\"tier tier-{}\">{}</span>"
                                        + " <span class=\"status status-{}\">{}</span>{}<span class=\"muted line\">{} · {}</span></a></li>",
                                ticket.customerId(),
                                ticket.ticket(),
                                ticket.ticket(),
                                ticket.tier(),
                                view.t("tier." + ticket.tier()),
                                ticket.status(),
                                view.t("status." + ticket.status()),
                                ticket.breachedAt() == null
                                        ? Markup.EMPTY
                                        : Markup.of(" <span class=\"breach\">{}</span>", view.t("ticket.sla_breached")),
                                ticket.name(),
                                view.t("ticket.due", view.when(ticket.dueAt()))))
                        .toList()));
    }
}
