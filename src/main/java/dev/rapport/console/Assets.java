package dev.rapport.console;

import dev.rapport.feature.PageRoute;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The console's stylesheet and script, read once from the classpath; public (the sign-in page uses them). */
final class Assets {

    private static final Map<String, String> TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;

    Assets() {
        var loaded = new java.util.HashMap<String, byte[]>();
        for (String name : TYPES.keySet()) {
            try (InputStream in = Assets.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing console asset " + name);
                }
                loaded.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.files = Map.copyOf(loaded);
    }

    List<PageRoute> routes() {
        return List.of(PageRoute.get("/console/assets/{file}", PageRoute.Access.PUBLIC, (ctx, session) -> serve(ctx)));
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] body = files.get(name);
        if (body == null) {
            throw new NotFoundResponse("No such file");
        }
        ctx.contentType(TYPES.get(name)).header("Cache-Control", "no-cache").result(body);
    }
}
