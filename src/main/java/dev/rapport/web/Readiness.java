package dev.rapport.web;

import java.util.Optional;

/**
 * Whether this instance may be sent work: what {@code GET /readyz} answers. Liveness ({@code /healthz})
 * is only "the process serves HTTP"; readiness also needs the database migrated and reachable, the
 * NLU models loaded and the inbox workers running. Implementations are thread-safe and cheap enough
 * to be called by every probe.
 */
@FunctionalInterface
public interface Readiness {

    /** Empty when ready; else a short reason for an operator ("NLU models loading"). */
    Optional<String> notReadyBecause();
}
