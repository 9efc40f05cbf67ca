package dev.rapport.console;

import dev.rapport.web.page.Markup;
import java.util.ArrayList;
import java.util.List;

/**
 * The right-hand pane: who the customer is and everything Rapport knows of them — tier and value,
 * chats and opt-out, purchases, tickets with their actions, survey answers, offers and win-back.
 * Stateless.
 */
final class CustomerPanel {

    private CustomerPanel() {}

    static Markup render(View view, CustomerFile.Everything file) {
        var customer = file.customer();
        List<Markup> parts = new ArrayList<>();
        parts.add(Markup.of(
                """
                        <h2 id="customer-name">{}</h2>
                        <dl class="facts">
                        <dt>{}</dt><dd><span class="tier tier-{}">{}</span></dd>
                        <dt>{}</dt><dd title="{}">{}</dd>
                        <dt>{}</dt><dd>{}</dd>
                        <dt>{}</dt><dd>{}</dd>
                        <dt>{}</dt><dd id="opt-out">{}</dd>
                        <dt>{}</dt><dd>{}</dd>
                        </dl>""",
                name(view, customer),
                view.t("customer.tier"),
                customer.tier(),
                view.t("tier." + customer.tier()),
                view.t("customer.value"),
                view.t("customer.value_hint"),
                view.t(
                        "customer.value_text",
                        customer.value12m().toPlainString(),
                        customer.valueAll().toPlainString(),
                        customer.purchases()),
                view.t("customer.language"),
                view.t("language." + customer.language()),
                view.t("customer.phone"),
                customer.phone() == null ? "—" : customer.phone(),
                view.t("customer.opt_out"),
                customer.optedOutAt() == null
                        ? view.t("customer.opted_in")
                        : view.t("customer.opted_out", view.when(customer.optedOutAt())),
                view.t("customer.chats"),
                Markup.join(file.chats().stream()
                        .map(chat -> Markup.of(
                                "<span class=\"chip\">{}{}</span> ",
                                chat.channel(),
                                chat.unreachableAt() == null ? "" : " · " + view.t("customer.unreachable")))
                        .toList())));
        parts.add(section(
                view,
                "customer.tickets",
                file.tickets().stream().map(ticket -> ticket(view, ticket)).toList()));
        parts.add(section(
                view,
                "customer.purchases",
                file.purchases().stream()
                        .map(purchase -> Markup.of(
                                "<li>{} · {} {}</li>",
                                view.when(purchase.at()),
                                purchase.amount().toPlainString(),
                                purchase.currency() == null ? "" : purchase.currency()))
                        .toList()));
        parts.add(section(
                view,
                "customer.answers",
                file.answers().stream()
                        .map(answer -> Markup.of(
                                "<li>{} · {} / {}: <b>{}</b></li>",
                                view.when(answer.at()),
                                answer.survey(),
                                answer.question(),
                                answer.score() != null ? answer.score().toString() : answer.value()))
                        .toList()));
        parts.add(section(
                view,
                "customer.offers",
                file.offers().stream()
                        .map(offer -> Markup.of(
                                "<li>{} <code>{}</code> · {} {} · {}</li>",
                                offer.offerId(),
                                offer.code(),
                                view.t("offer.issued"),
                                view.when(offer.issuedAt()),
                                offer.redeemedAt() == null
                                        ? view.t("offer.not_redeemed")
                                        : view.t("offer.redeemed", view.when(offer.redeemedAt()))))
                        .toList()));
        parts.add(section(
                view,
                "customer.winback",
                file.winbacks().stream()
                        .map(winback -> Markup.of(
                                "<li>{} · {} · {} · {}</li>",
                                view.when(winback.startedAt()),
                                winback.trigger(),
                                winback.reason() == null ? "—" : winback.reason(),
                                winback.outcome() != null
                                        ? winback.outcome()
                                        : winback.response() != null ? winback.response() : "…"))
                        .toList()));
        return Markup.join(parts);
    }

    static String name(View view, CustomerFile.Customer customer) {
        if (customer.erasedAt() != null) {
            return view.t("customer.erased");
        }
        return customer.name() == null || customer.name().isBlank()
                ? view.t("customer.unnamed", customer.id())
                : customer.name();
    }

    private static Markup section(View view, String titleKey, List<Markup> items) {
        return Markup.of(
                "<section class=\"block\"><h3>{}</h3>{}</section>",
                view.t(titleKey),
                items.isEmpty()
                        ? Markup.of("<p class=\"muted\">{}</p>", view.t("customer.none"))
                        : Markup.of("<ul>{}</ul>", Markup.join(items)));
    }

    private static Markup ticket(View view, CustomerFile.Ticket ticket) {
        String base = "/console/tickets/" + ticket.ticket();
        List<Markup> actions = new ArrayList<>();
        boolean waiting = ticket.status().equals("open") || ticket.status().equals("reopened");
        if (waiting) {
            actions.add(Markup.of("""
                            <form method="post" action="{}/progress">{}<button type="submit" class="take">{}</button></form>""", base, view.csrf(), view.t("ticket.progress")));
        }
        if (waiting || ticket.status().equals("in_progress")) {
            actions.add(Markup.of(
                    """
                            <form method="post" action="{}/resolve" class="resolve">{}
                            <textarea name="note" required rows="2" placeholder="{}" aria-label="{}"></textarea>
                            <button type="submit">{}</button></form>""",
                    base,
                    view.csrf(),
                    view.t("ticket.note_hint"),
                    view.t("ticket.note_hint"),
                    view.t("ticket.resolve")));
        }
        if (ticket.status().equals("resolved")) {
            actions.add(Markup.of("""
                            <form method="post" action="{}/close">{}<button type="submit" class="close-ticket">{}</button></form>""", base, view.csrf(), view.t("ticket.close")));
        }
        return Markup.of(
                """
                        <li class="ticket" id="ticket-{}"><b>{}</b> <span class="status status-{}">{}</span>
                        <span class="muted">{} · {} · {}</span>{}
                        <p class="desc">{}</p>{}{}{}</li>""",
                ticket.ticket(),
                ticket.ticket(),
                ticket.status(),
                view.t("status." + ticket.status()),
                view.t("category." + ticket.category()),
                view.t("priority." + ticket.priority()),
                view.when(ticket.openedAt()),
                ticket.slaBreachedAt() == null
                        ? Markup.EMPTY
                        : Markup.of(" <span class=\"breach\">{}</span>", view.t("ticket.sla_breached")),
                ticket.description(),
                ticket.files().isEmpty()
                        ? Markup.EMPTY
                        : Markup.of(
                                "<p class=\"files\" title=\"{}\">{}</p>",
                                view.t("ticket.files"),
                                Markup.join(ticket.files().stream()
                                        .map(file -> ChatFilePages.link(view, file.get(0), file.get(1)))
                                        .toList())),
                ticket.resolutionNote() == null
                        ? Markup.EMPTY
                        : Markup.of(
                                "<p class=\"note\">{}: {}</p>", view.t("ticket.resolution"), ticket.resolutionNote()),
                Markup.join(actions));
    }
}
