package dev.rapport.dashboard;

import dev.rapport.store.Json;
import dev.rapport.web.page.Markup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A customer's whole transcript as a page, as plain text and as JSON. Stateless. */
final class TranscriptPage {

    private TranscriptPage() {}

    static Markup render(View view, Transcripts.Transcript transcript, String answerId) {
        var items = new ArrayList<Markup>();
        for (Transcripts.Entry entry : transcript.entries()) {
            boolean marked =
                    entry.answerId() != null && entry.answerId().toString().equals(answerId);
            items.add(Markup.of(
                    "<li class=\"entry who-{}{}\"{}><span class=\"muted\">{} · {}</span> <b>{}</b> {}{}<div>{}</div>{}</li>",
                    entry.who(),
                    marked ? Markup.of(" marked") : Markup.EMPTY,
                    marked ? Markup.of(" id=\"answer\"") : Markup.EMPTY,
                    view.when(entry.at()),
                    entry.channel() == null ? "" : entry.channel(),
                    who(view, entry),
                    entry.kind(),
                    file(view, entry),
                    entry.text() == null ? "" : entry.text(),
                    entry.detail() == null || entry.detail().isBlank()
                            ? Markup.EMPTY
                            : Markup.of("<div class=\"muted detail\">{}</div>", entry.detail())));
        }
        var customer = transcript.customer();
        String base = "/dashboard/transcripts/" + customer.id();
        return Markup.of(
                """
                        <p><a href="/dashboard">← {}</a></p>
                        <h1 id="transcript-title">{}</h1>
                        <p class="muted">{} · {} · {}</p>
                        <p class="exports"><a href="{}/text" id="export-text">{}</a> · <a href="{}/json" id="export-json">{}</a></p>
                        <ol class="transcript" id="transcript">{}</ol>""",
                view.t("rows.back"),
                view.t("transcript.title", name(customer)),
                view.word("tier", customer.tier()),
                view.word("language", customer.language()),
                view.t("transcript.since", view.when(customer.createdAt())),
                base,
                view.t("export.text"),
                base,
                view.t("export.json"),
                items.isEmpty()
                        ? Markup.of("<li class=\"muted\">{}</li>", view.t("transcript.empty"))
                        : Markup.join(items));
    }

    static String text(View view, Transcripts.Transcript transcript) {
        var out = new StringBuilder();
        var customer = transcript.customer();
        out.append(view.t("transcript.title", name(customer)))
                .append(" · ")
                .append(customer.tier())
                .append(" · ")
                .append(customer.language())
                .append('\n')
                .append('\n');
        for (Transcripts.Entry entry : transcript.entries()) {
            out.append('[')
                    .append(view.when(entry.at()))
                    .append("] ")
                    .append(who(view, entry))
                    .append(" (")
                    .append(entry.kind())
                    .append(")");
            if (entry.text() != null && !entry.text().isEmpty()) {
                out.append(": ").append(entry.text().replace("\n", "\n    "));
            }
            if (entry.file() != null) {
                out.append(" <").append(entry.file()).append('>');
            }
            if (entry.detail() != null && !entry.detail().isBlank()) {
                out.append(" {").append(entry.detail()).append('}');
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String json(Transcripts.Transcript transcript) {
        var customer = transcript.customer();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "customer",
                Map.of(
                        "id",
                        customer.id(),
                        "name",
                        name(customer),
                        "tier",
                        customer.tier(),
                        "language",
                        customer.language()));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Transcripts.Entry entry : transcript.entries()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("at", entry.at() == null ? null : entry.at().toString());
            one.put("who", entry.who());
            one.put("staff", entry.staff());
            one.put("kind", entry.kind());
            one.put("text", entry.text());
            one.put("detail", entry.detail());
            one.put("file", entry.file());
            one.put("channel", entry.channel());
            entries.add(one);
        }
        body.put("entries", entries);
        return Json.write(body);
    }

    /** A web chat file ({@code webchat:<id>}) links to the console, which serves it to staff; other files show nothing. */
    private static Markup file(View view, Transcripts.Entry entry) {
        if (entry.file() == null || !entry.file().matches("webchat:\\d{1,18}")) {
            return Markup.EMPTY;
        }
        return Markup.of(
                " <a class=\"file\" href=\"/console/files/{}\" target=\"_blank\" rel=\"noopener\">📎 {}</a>",
                entry.file().substring("webchat:".length()),
                view.t("transcript.file"));
    }

    private static String name(Transcripts.Customer customer) {
        return customer.name() == null ? "#" + customer.id() : customer.name();
    }

    private static String who(View view, Transcripts.Entry entry) {
        String label = view.word("who", entry.who());
        return entry.staff() == null ? label : label + " " + entry.staff();
    }
}
