package dev.rapport.feature;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON endpoint of the business API ({@code POST /api/...}), for systems such as the shop that
 * report purchases or redemptions. Features provide the handler; the web server's route table checks the
 * bearer token ({@code api_token}), parses the body and maps errors, so features see no HTTP.
 *
 * @param path    below {@code /api}, such as {@code /purchases}
 * @param handler called with the parsed body on a request thread; returns what is answered as JSON
 *                with 200, or throws {@link ApiRoute.BadRequest} (400) naming what is wrong
 */
public record ApiRoute(String path, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        Object handle(JsonNode body);
    }

    /** The request cannot be taken as it is; the message says which field and what is expected. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
