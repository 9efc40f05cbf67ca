package dev.rapport.console;

import java.util.List;

/**
 * The middle pane: the customer's messages (theirs, the bot's, staff's) with events such as
 * "complaint C-… opened" inline, oldest first, so it reads like the chat. Message text is always
 * escaped text. Stateless.
 */
final class Conversation {

    private Conversation() {
    }

    static Markup render(View view, CustomerFile.Customer customer, List<CustomerFile.Entry> entries, Markup notice) {
        return Markup.of("""
                        <header class="conversation-head"><h2>{}</h2></header>{}
                        <ol class="messages" id="messages" data-customer="{}">{}</ol>""",
                CustomerPanel.name(view, customer), notice, customer.id(), entries(view, entries));
    }

    static Markup entries(View view, List<CustomerFile.Entry> entries) {
        return entries.isEmpty() ? Markup.of("<li class=\"muted\">{}</li>", view.t("conversation.empty"))
                : Markup.join(entries.stream().map(entry -> entry(view, entry)).toList());
    }

    static Markup entry(View view, CustomerFile.Entry entry) {
        if (entry.direction().equals("event")) {
            String key = "event." + entry.kind();
            String label = view.has(key) ? view.t(key, entry.text()) : entry.kind() + " " + entry.text();
            return Markup.of("<li class=\"event\"><span>{}</span> <time>{}</time></li>", label, view.when(entry.at()));
        }
        String who = entry.direction().equals("in") ? view.t("conversation.customer") : view.t("conversation.bot");
        String text = entry.text() == null ? "[" + entry.kind() + "]" : entry.text();
        return Markup.of("<li class=\"msg {}\"><span class=\"who\">{}</span><p>{}</p><time>{}</time></li>",
                entry.direction(), who, text, view.when(entry.at()));
    }
}
