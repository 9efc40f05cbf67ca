package dev.rapport.dashboard;

import dev.rapport.feature.PageRoute;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's stylesheet and script, and Chart.js from its WebJar (the jar's
 * {@code META-INF/resources/webjars/chart.js/<version>/dist/chart.umd.js}; no build step), read once
 * from the classpath. Behind the same role check as the pages. Immutable; thread-safe.
 */
final class Assets {

    static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static final Map<String, String> TYPES = Map.of(
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "chart.umd.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;

    Assets() {
        var loaded = new HashMap<String, byte[]>();
        loaded.put("dashboard.css", read(Assets.class.getResourceAsStream("dashboard.css"), "dashboard.css"));
        loaded.put("dashboard.js", read(Assets.class.getResourceAsStream("dashboard.js"), "dashboard.js"));
        loaded.put("chart.umd.js", read(Assets.class.getClassLoader().getResourceAsStream(CHART_JS), CHART_JS));
        this.files = Map.copyOf(loaded);
    }

    List<PageRoute> routes() {
        return List.of(
                PageRoute.get("/dashboard/assets/{file}", DashboardPages.MANAGERS, (ctx, session) -> serve(ctx)));
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] body = files.get(name);
        if (body == null) {
            throw new NotFoundResponse("No such file");
        }
        ctx.header("Cache-Control", "private, max-age=3600")
                .contentType(TYPES.get(name))
                .result(body);
    }

    private static byte[] read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException(
                    "Missing dashboard asset " + name + " (is the Chart.js WebJar on the classpath?)");
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
