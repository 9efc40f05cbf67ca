package dev.rapport.staff;

import dev.rapport.domain.Language;
import dev.rapport.domain.StaffRef;
import java.time.Instant;

/**
 * A staff account as the console and the commands see it (never its password hash).
 *
 * @param lockedUntil when a lockout after wrong passwords ends; null when not locked
 * @param disabledAt  when the account was disabled; null while it may sign in
 */
public record StaffMember(
        long id,
        String name,
        Role role,
        Language language,
        boolean demo,
        Instant lockedUntil,
        Instant disabledAt,
        Instant lastLoginAt,
        Instant createdAt) {

    public StaffRef ref() {
        return new StaffRef(id, name);
    }

    public boolean has(Role wanted) {
        return role == wanted;
    }

    public boolean disabled() {
        return disabledAt != null;
    }
}
