package dev.rapport.console;

import dev.rapport.handoff.TranscriptEntry;
import dev.rapport.web.page.Markup;
import java.util.List;
import java.util.Map;

/**
 * The middle pane: the customer's history as the handoff desk tells it — their messages, the bot's,
 * staff replies, internal notes (marked, never sent) and events such as "complaint C-… opened" —
 * oldest first, so it reads like the chat; then, for a handoff, the controls. Every text is escaped.
 * Stateless.
 */
final class Conversation {

    private Conversation() {}

    /**
     * @param controls the handoff's controls (claim, reply, note, transfer, hand back), or empty
     */
    static Markup render(
            View view, String title, long customerId, List<TranscriptEntry> entries, Markup notice, Markup controls) {
        return Markup.of("""
                        <header class="conversation-head"><h2>{}</h2></header>{}
                        <ol class="messages" id="messages" data-customer="{}">{}</ol>{}""", title, notice, customerId, entries(view, entries), controls);
    }

    static Markup entries(View view, List<TranscriptEntry> entries) {
        return entries.isEmpty()
                ? Markup.of("<li class=\"muted\">{}</li>", view.t("conversation.empty"))
                : Markup.join(entries.stream().map(entry -> entry(view, entry)).toList());
    }

    private static Markup entry(View view, TranscriptEntry entry) {
        String when = view.when(entry.at());
        return switch (entry.kind()) {
            case CUSTOMER -> message(view, "in", view.t("conversation.customer"), entry, when);
            case BOT -> message(view, "out", view.t("conversation.bot"), entry, when);
            case STAFF ->
                message(
                        view,
                        "out staff",
                        entry.staff() == null ? "" : entry.staff().name(),
                        entry,
                        when);
            case NOTE ->
                Markup.of(
                        """
                            <li class="msg note{}"><span class="who">{} · {}</span><p>{}</p><time>{}</time></li>""",
                        alert(entry) ? " alert" : "",
                        view.t("conversation.note"),
                        entry.staff() != null ? entry.staff().name() : alert(entry) ? view.t("alerts.note_by") : "",
                        alert(entry) ? alertText(view, entry.data()) : entry.text() == null ? "" : entry.text(),
                        when);
            case EVENT ->
                Markup.of("<li class=\"event\"><span>{}</span> <time>{}</time></li>", event(view, entry), when);
        };
    }

    /** A note Rapport added for an unhappy survey answer (its data says what was answered). */
    private static boolean alert(TranscriptEntry entry) {
        return entry.data() != null && "survey".equals(entry.data().get("alert"));
    }

    private static String alertText(View view, Map<String, Object> data) {
        return view.t(
                "alerts.note",
                String.valueOf(data.get("question_type")).toUpperCase(java.util.Locale.ROOT),
                data.get("score"),
                data.get("scale"),
                data.get("survey"));
    }

    /** A message; a file (a photo, a PDF) is shown by {@link ChatFilePages#link}, with its caption under it. */
    private static Markup message(View view, String css, String who, TranscriptEntry entry, String when) {
        Object file = entry.data().get("file");
        String kind = String.valueOf(entry.data().getOrDefault("kind", "?"));
        Markup body = file != null
                ? Markup.of(
                        "{}{}",
                        ChatFilePages.link(view, kind, file),
                        entry.text() == null ? Markup.EMPTY : Markup.of("<p>{}</p>", entry.text()))
                : Markup.of("<p>{}</p>", entry.text() != null ? entry.text() : "[" + kind + "]");
        return Markup.of(
                "<li class=\"msg {}\" data-message=\"{}\"><span class=\"who\">{}</span>{}<time>{}</time></li>",
                css,
                entry.messageId(),
                who,
                body,
                when);
    }

    /** "Complaint C-… opened", "Claimed by alice": the event's words with its most telling value. */
    static String event(View view, TranscriptEntry entry) {
        String type = entry.eventType() == null ? "" : entry.eventType();
        Map<String, Object> data = entry.data() == null ? Map.of() : entry.data();
        Object value = first(data, "ticket", "to_name", "staff_name", "offer", "reason", "survey");
        if (value == null && entry.staff() != null) {
            value = entry.staff().name();
        }
        String key = "event." + type;
        return view.has(key) ? view.t(key, value == null ? "" : value) : type + (value == null ? "" : " " + value);
    }

    private static Object first(Map<String, Object> data, String... keys) {
        for (String key : keys) {
            if (data.get(key) != null) {
                return data.get(key);
            }
        }
        return null;
    }
}
