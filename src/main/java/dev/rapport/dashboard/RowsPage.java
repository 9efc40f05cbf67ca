package dev.rapport.dashboard;

import dev.rapport.web.page.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rows behind a figure as a page: the filter, the narrowing in words, the table, and its CSV link. Stateless. */
final class RowsPage {

    static final int SHOWN = 500;

    private RowsPage() {}

    static Markup render(
            View view,
            RowSet set,
            Filter filter,
            Map<String, String> narrow,
            List<String> surveys,
            List<RowReader.Row> rows,
            boolean available) {
        var hidden = new ArrayList<Markup>();
        var chips = new ArrayList<Markup>();
        narrow.forEach((name, value) -> {
            hidden.add(Markup.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, value));
            chips.add(Markup.of("<span class=\"chip\">{}: {}</span>", view.t("narrow." + name), value));
        });
        String query = filter.query() + narrowQuery(narrow);
        var header = new ArrayList<Markup>();
        for (String column : set.columns()) {
            header.add(Markup.of("<th>{}</th>", view.t(column)));
        }
        header.add(Markup.of("<th>{}</th>", view.t("col.transcript")));
        var lines = new ArrayList<Markup>();
        for (RowReader.Row row : rows) {
            var cells = new ArrayList<Markup>();
            for (int i = 0; i < row.cells().size(); i++) {
                String column = set.columns().get(i);
                String value = row.cells().get(i);
                cells.add(Markup.of("<td class=\"{}\">{}</td>", column.substring(4), word(view, column, value)));
            }
            String anchor = set.name().equals("answers") ? "?answer=" + row.id() : "";
            cells.add(Markup.of(
                    "<td><a class=\"transcript\" href=\"/dashboard/transcripts/{}{}\">{}</a></td>",
                    row.customerId(),
                    anchor,
                    view.t("rows.open_transcript")));
            lines.add(Markup.of("<tr data-id=\"{}\">{}</tr>", row.id(), Markup.join(cells)));
        }
        Markup table = !available
                ? Markup.of("<p class=\"muted\">{}</p>", view.t("people.no_data"))
                : rows.isEmpty()
                        ? Markup.of("<p class=\"muted\" id=\"no-rows\">{}</p>", view.t("rows.none"))
                        : Markup.of(
                                "<div class=\"scroll\"><table class=\"rows\" id=\"rows\"><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
                                Markup.join(header),
                                Markup.join(lines));
        return Markup.of(
                """
                        <p><a href="/dashboard?{}">← {}</a></p>
                        <h1>{}</h1>{}<p class="chips">{}</p>
                        <p class="exports"><span id="row-count">{}</span> · <a id="export-csv" href="/dashboard/rows/{}/csv?{}">{}</a></p>{}""",
                filter.query(),
                view.t("rows.back"),
                view.t("rows." + set.name()),
                Frame.filters(view, "/dashboard/rows/" + set.name(), filter, surveys, Markup.join(hidden)),
                Markup.join(chips),
                rows.size() >= SHOWN ? view.t("rows.first", SHOWN) : view.t("rows.count", rows.size()),
                set.name(),
                query,
                view.t("export.csv"),
                table);
    }

    static String narrowQuery(Map<String, String> narrow) {
        var parts = new StringBuilder();
        narrow.forEach(
                (name, value) -> parts.append('&').append(name).append('=').append(TeamAndCustomerSections.enc(value)));
        return parts.toString();
    }

    private static Object word(View view, String column, String value) {
        return switch (column) {
            case "col.tier", "col.from_tier", "col.to_tier" -> view.word("tier", value);
            case "col.category" -> view.word("category", value);
            case "col.status" -> view.word("status", value);
            case "col.sentiment" -> view.word("sentiment", value);
            case "col.outcome" -> view.word("outcome", value);
            case "col.reason" -> view.word("reason", value);
            default -> value;
        };
    }
}
