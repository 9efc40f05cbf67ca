package dev.rapport.dashboard;

import dev.rapport.store.Json;
import dev.rapport.web.page.Markup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart as the page carries it: a canvas whose {@code data-chart} attribute holds the labels, the
 * series and, for every bar or point, the link to the rows behind it. {@code dashboard.js} draws it
 * with Chart.js and follows the link on a click; without script the table beside each chart has the
 * same figures and links. Built per page; not thread-safe.
 */
final class Chart {

    private final String id;
    private final String type;
    private final List<String> labels = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private final List<Map<String, Object>> series = new ArrayList<>();
    private boolean stacked;

    private Chart(String id, String type) {
        this.id = id;
        this.type = type;
    }

    static Chart bar(String id) {
        return new Chart(id, "bar");
    }

    static Chart line(String id) {
        return new Chart(id, "line");
    }

    Chart stacked() {
        this.stacked = true;
        return this;
    }

    /** One category on the x axis and where clicking it leads. */
    Chart label(String label, String link) {
        labels.add(label);
        links.add(link);
        return this;
    }

    /** A series: one value per label, in order; {@code links} per value (null: the label's link). */
    Chart series(String name, List<? extends Number> values, List<String> valueLinks) {
        var one = new LinkedHashMap<String, Object>();
        one.put("label", name);
        one.put(
                "data",
                values.stream()
                        .map(value -> value == null || (value instanceof Double d && d.isNaN()) ? null : value)
                        .toList());
        one.put("links", valueLinks == null ? links : valueLinks);
        series.add(one);
        return this;
    }

    Markup html(String caption) {
        var data = new LinkedHashMap<String, Object>();
        data.put("type", type);
        data.put("labels", labels);
        data.put("series", series);
        data.put("stacked", stacked);
        return Markup.of(
                "<figure class=\"chart\"><canvas id=\"{}\" class=\"chart\" role=\"img\" aria-label=\"{}\" data-chart=\"{}\"></canvas>"
                        + "<figcaption>{}</figcaption></figure>",
                id,
                caption,
                Json.write(data),
                caption);
    }
}
