package dev.rapport.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.feature.ApiRoute;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * The business API's edge: bearer token (compared as SHA-256 digests, in constant time), a JSON
 * body, and the answer. Without {@code api_token} configured every API route answers 404 and says
 * how to turn it on. Stateless apart from the token's digest; thread-safe.
 */
final class ApiRoutes {

    static final String PREFIX = "/api";
    private static final ObjectMapper JSON = dev.rapport.store.Json.mapper();
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final byte[] tokenDigest; // null: the API is off
    private final List<ApiRoute> routes;

    ApiRoutes(String token, List<ApiRoute> routes) {
        this.tokenDigest = token == null || token.isEmpty() ? null : digest(token);
        this.routes = List.copyOf(routes);
    }

    List<ApiRoute> routes() {
        return routes;
    }

    void handle(ApiRoute route, Context ctx) {
        if (tokenDigest == null) {
            ctx.status(HttpStatus.NOT_FOUND)
                    .json(Map.of(
                            "error", "the API is off; set api_token (environment RAPPORT_API_TOKEN) to turn it on"));
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : "";
        if (!MessageDigest.isEqual(tokenDigest, digest(given))) {
            ctx.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .json(Map.of("error", "missing or wrong bearer token"));
            return;
        }
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).json(Map.of("error", "body over " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // A limit the parser enforces (nesting depth, say) comes without a location.
            var at = e.getLocation();
            ctx.status(HttpStatus.BAD_REQUEST)
                    .json(Map.of(
                            "error",
                            "the body is not JSON: " + e.getOriginalMessage()
                                    + (at == null
                                            ? ""
                                            : " at line " + at.getLineNr() + ", column " + at.getColumnNr())));
            return;
        } catch (java.io.IOException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "the body could not be read: " + e.getMessage()));
            return;
        }
        if (body == null || body.isMissingNode()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "the body is empty: expected JSON"));
            return;
        }
        try {
            ctx.json(route.handler().handle(body));
        } catch (ApiRoute.BadRequest e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage()));
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
