package dev.rapport.staff;

import java.time.Instant;

/**
 * A signed-in browser: who it is and the token its forms must send back with every change.
 *
 * @param csrfToken derived from the session id, so it is stable for the session and never stored
 */
public record StaffSession(StaffMember member, String csrfToken, Instant expiresAt) {}
