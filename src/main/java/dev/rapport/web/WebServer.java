package dev.rapport.web;

import dev.rapport.channel.telegram.TelegramWebhook;
import dev.rapport.channel.webchat.WebchatRoutes;
import dev.rapport.feature.ApiRoute;
import dev.rapport.feature.PageRoute;
import dev.rapport.staff.StaffSessions;
import dev.rapport.web.live.LimitExceeded;
import dev.rapport.web.page.PageStyle;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP route table: channel edges, the web chat, and operations. Errors are mapped to
 * responses here and nowhere else. Request handlers run on Jetty's threads.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private static final String RETRY_AFTER_SECONDS = "5";

    private final Javalin javalin;
    private final java.util.List<PageRoute> pages;

    /**
     * @param telegram  the webhook edge, or null when no bot token is configured
     * @param apiToken  the business API's bearer token; empty turns the API off
     * @param apiRoutes the features' API endpoints, each under {@code /api}
     * @param sessions  staff sessions, checked for every page route
     * @param pages     the features' pages for people (console, dashboard), each behind {@link PageGate}
     * @param readiness what {@code /readyz} answers; {@code /healthz} is 200 whenever HTTP is served
     */
    public WebServer(
            int port,
            TelegramWebhook telegram,
            WebchatRoutes webchat,
            Readiness readiness,
            PrometheusMeterRegistry metrics,
            String apiToken,
            java.util.List<ApiRoute> apiRoutes,
            StaffSessions sessions,
            java.util.List<PageRoute> pages) {
        var api = new ApiRoutes(apiToken, apiRoutes);
        var gate = new PageGate(sessions);
        this.pages = java.util.List.copyOf(pages);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Answers speak the codes and ISO-8601 times of the one configured mapper, as events and exports do.
            config.jsonMapper(new io.javalin.json.JavalinJackson(dev.rapport.store.Json.mapper(), false));
            config.jetty.port = port;
            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
            config.http.maxRequestSize = 64 * 1024 * 1024;
            if (telegram != null) {
                config.routes.post(TelegramWebhook.PATH, telegram);
            }
            config.routes.get("/", ctx -> ctx.redirect("/chat"));
            config.routes.get("/chat", webchat::page);
            config.routes.post("/chat/api/messages", webchat::post);
            config.routes.post("/chat/api/files", webchat::upload);
            config.routes.get("/chat/api/events", webchat::events); // checks the session, then streams
            config.routes.get("/chat/api/history", webchat::earlier);
            for (ApiRoute route : api.routes()) {
                config.routes.post(ApiRoutes.PREFIX + route.path(), ctx -> api.handle(route, ctx));
            }
            for (PageRoute page : this.pages) {
                switch (page.method()) {
                    case GET -> config.routes.get(page.path(), ctx -> gate.handle(page, ctx));
                    case POST -> config.routes.post(page.path(), ctx -> gate.handle(page, ctx));
                }
            }
            // the one base stylesheet of the console's and the dashboard's pages, public like the sign-in page
            config.routes.get(
                    PageStyle.PATH,
                    ctx -> ctx.contentType(PageStyle.CONTENT_TYPE)
                            .header("Cache-Control", "no-cache")
                            .result(PageStyle.CSS));
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.get(
                    "/readyz",
                    ctx -> readiness
                            .notReadyBecause()
                            .ifPresentOrElse(
                                    reason -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                                            .header("Retry-After", "1")
                                            .header("Cache-Control", "no-store")
                                            .result(reason),
                                    () -> ctx.header("Cache-Control", "no-store")
                                            .result("ready")));
            config.routes.get(
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(metrics.scrape()));
            config.routes.exception(
                    LimitExceeded.class,
                    (limit, ctx) -> ctx.status(limit.status())
                            .header("Retry-After", Long.toString(limit.retryAfterSeconds()))
                            .json(Map.of(
                                    "error",
                                    limit.getMessage(),
                                    "limit",
                                    limit.limit(),
                                    "retry_after_seconds",
                                    limit.retryAfterSeconds())));
            config.routes.exception(
                    io.javalin.http.ServiceUnavailableResponse.class,
                    (error, ctx) -> unavailable(ctx, error.getMessage()));
            config.routes.exception(Exception.class, (error, ctx) -> {
                if (DatabaseDown.is(error)) {
                    log.warn("{} {}: the database is unreachable ({})", ctx.method(), ctx.path(), error.toString());
                    unavailable(ctx, "the database is unreachable; try again shortly");
                    return;
                }
                log.error("{} {} failed", ctx.method(), ctx.path(), error);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .json(Map.of("error", "internal error; the server log has the details"));
            });
        });
    }

    /** 503 with a Retry-After, so browsers, shops and proxies try again instead of giving up. */
    private static void unavailable(io.javalin.http.Context ctx, String message) {
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .json(Map.of("error", message));
    }

    public WebServer start() {
        javalin.start();
        return this;
    }

    /** Every page route, as registered: what the security tests walk through. */
    public java.util.List<PageRoute> pageRoutes() {
        return pages;
    }

    public int port() {
        return javalin.port();
    }

    /** Stops taking requests and lets requests in flight finish. */
    @Override
    public void close() {
        javalin.stop();
    }
}
