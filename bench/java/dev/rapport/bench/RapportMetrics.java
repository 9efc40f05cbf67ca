package dev.rapport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A few of Rapport's own meters, read from its {@code /metrics} page after a phase. Stateless. */
final class RapportMetrics {

    private RapportMetrics() {}

    static List<String> describe(int port) {
        Map<String, Double> values;
        try {
            values = scrape(port);
        } catch (IOException e) {
            return List.of("metrics unavailable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("metrics unavailable: interrupted");
        }
        double turns = values.getOrDefault("rapport_turn_seconds_count", Double.NaN);
        double turnSeconds = values.getOrDefault("rapport_turn_seconds_sum", Double.NaN);
        double sends = values.getOrDefault("rapport_outbox_send_latency_seconds_count", Double.NaN);
        double sendSeconds = values.getOrDefault("rapport_outbox_send_latency_seconds_sum", Double.NaN);
        return List.of(
                "turns (whole run): %,.0f, mean %.2f ms, recent p50 %.2f ms, p99 %.2f ms"
                        .formatted(
                                turns,
                                turnSeconds / turns * 1000,
                                values.getOrDefault("rapport_turn_seconds{quantile=\"0.5\"}", Double.NaN) * 1000,
                                values.getOrDefault("rapport_turn_seconds{quantile=\"0.99\"}", Double.NaN) * 1000),
                "Bot API calls (whole run): %,.0f, mean %.2f ms".formatted(sends, sendSeconds / sends * 1000));
    }

    /** Sums each series over its labels, except {@code quantile}, which is kept in the key. */
    private static Map<String, Double> scrape(int port) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .GET()
                .build();
        String page = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
        var values = new HashMap<String, Double>();
        for (String line : page.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            double value;
            try {
                value = Double.parseDouble(line.substring(space + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            int quantile = series.indexOf("quantile=\"");
            String key = quantile < 0
                    ? name
                    : name + "{" + series.substring(quantile, series.indexOf('"', quantile + 10) + 1) + "}";
            values.merge(key, value, Double::sum);
        }
        return values;
    }
}
