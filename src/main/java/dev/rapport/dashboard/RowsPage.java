package dev.rapport.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rows behind a figure as a page: the filter, the narrowing in words, the table, and its CSV link. Stateless. */
final class RowsPage {

    static final int SHOWN = 500;

    private RowsPage() {
    }

    static Html render(View view, RowSet set, Filter filter, Map<String, String> narrow, List<String> surveys,
                       List<RowReader.Row> rows, boolean available) {
        var hidden = new ArrayList<Html>();
        var chips = new ArrayList<Html>();
        narrow.forEach((name, value) -> {
            hidden.add(Html.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, value));
            chips.add(Html.of("<span class=\"chip\">{}: {}</span>", view.t("narrow." + name), value));
        });
        String query = filter.query() + narrowQuery(narrow);
        var header = new ArrayList<Html>();
        for (String column : set.columns()) {
            header.add(Html.of("<th>{}</th>", view.t(column)));
        }
        header.add(Html.of("<th>{}</th>", view.t("col.transcript")));
        var lines = new ArrayList<Html>();
        for (RowReader.Row row : rows) {
            var cells = new ArrayList<Html>();
            for (int i = 0; i < row.cells().size(); i++) {
                String column = set.columns().get(i);
                String value = row.cells().get(i);
                cells.add(Html.of("<td class=\"{}\">{}</td>", column.substring(4), word(view, column, value)));
            }
            String anchor = set.name().equals("answers") ? "?answer=" + row.id() : "";
            cells.add(Html.of("<td><a class=\"transcript\" href=\"/dashboard/transcripts/{}{}\">{}</a></td>", row.customerId(),
                    anchor, view.t("rows.open_transcript")));
            lines.add(Html.of("<tr data-id=\"{}\">{}</tr>", row.id(), Html.join(cells)));
        }
        Html table = !available ? Html.of("<p class=\"muted\">{}</p>", view.t("people.no_data"))
                : rows.isEmpty() ? Html.of("<p class=\"muted\" id=\"no-rows\">{}</p>", view.t("rows.none"))
                : Html.of("<div class=\"scroll\"><table class=\"rows\" id=\"rows\"><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
                        Html.join(header), Html.join(lines));
        return Html.of("""
                        <p><a href="/dashboard?{}">← {}</a></p>
                        <h1>{}</h1>{}<p class="chips">{}</p>
                        <p class="exports"><span id="row-count">{}</span> · <a id="export-csv" href="/dashboard/rows/{}/csv?{}">{}</a></p>{}""",
                filter.query(), view.t("rows.back"), view.t("rows." + set.name()),
                Frame.filters(view, "/dashboard/rows/" + set.name(), filter, surveys, Html.join(hidden)), Html.join(chips),
                rows.size() >= SHOWN ? view.t("rows.first", SHOWN) : view.t("rows.count", rows.size()),
                set.name(), query, view.t("export.csv"), table);
    }

    static String narrowQuery(Map<String, String> narrow) {
        var parts = new StringBuilder();
        narrow.forEach((name, value) -> parts.append('&').append(name).append('=').append(TeamAndCustomerSections.enc(value)));
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
