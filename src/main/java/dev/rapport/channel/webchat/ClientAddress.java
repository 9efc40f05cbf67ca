package dev.rapport.channel.webchat;

import io.javalin.http.Context;

/**
 * The address per-address limits count. Directly on the internet it is the connection's peer. Behind
 * a proxy (configured, never guessed) it is the last {@code X-Forwarded-For} entry — the one the
 * proxy itself appended; earlier entries come from the client and can be forged. Stateless.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(Context ctx, boolean behindProxy) {
        if (behindProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String last =
                        forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return ctx.req().getRemoteAddr();
    }

    /** Whether the browser reached us over HTTPS (directly, or at the proxy in front when configured). */
    static boolean https(Context ctx, boolean behindProxy) {
        if (ctx.req().isSecure()) {
            return true;
        }
        return behindProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
