package dev.rapport.staff;

import java.util.Locale;

/**
 * What a staff member may do. Agents talk with customers and handle tickets; managers also see the
 * team's work (the audit log, reports); admins also manage accounts. Each role is its own set of
 * rights: a route names every role it admits.
 */
public enum Role {
    AGENT,
    MANAGER,
    ADMIN;

    /** As stored and typed: {@code agent}, {@code manager}, {@code admin}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or typed role; throws naming the accepted ones. */
    public static Role of(String code) {
        for (Role role : values()) {
            if (role.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + code + "': expected agent, manager or admin");
    }
}
