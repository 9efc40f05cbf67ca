package dev.rapport.staff;

import dev.rapport.domain.Language;
import dev.rapport.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff accounts: adding, listing, disabling, signing in with lockout, and each member's language.
 * A sign-in locks the account's row, so wrong passwords tried in parallel are all counted; after
 * {@value #MAX_FAILED_LOGINS} in a row the account is locked for {@link #LOCKOUT} and the count starts
 * again. Thread-safe.
 */
public final class StaffAccounts {

    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
    private static final String COLUMNS = """
            id, name, role, language, demo, locked_until, disabled_at, last_login_at, created_at""";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Passwords passwords = new Passwords();
    private final String unknownNameHash; // verified against when the name is unknown, so timing says nothing

    public StaffAccounts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.unknownNameHash = passwords.hash("not-a-password-of-anyone".toCharArray());
    }

    /** Adds an account; throws {@link IllegalArgumentException} for a bad or taken name or a weak password. */
    public StaffMember add(String name, Role role, char[] password, Language language) {
        checkName(name);
        Passwords.checkAcceptable(password);
        String hash = passwords.hash(password);
        return jdbi.inTransaction(handle -> {
            if (find(handle, name).isPresent()) {
                throw new IllegalArgumentException("There is already a staff member named '" + name + "'");
            }
            return handle.createQuery("INSERT INTO staff (name, role, password_hash, language) VALUES (:name, :role, "
                            + ":hash, :language) RETURNING " + COLUMNS)
                    .bind("name", name)
                    .bind("role", role.code())
                    .bind("hash", hash)
                    .bind("language", language.code())
                    .map(StaffAccounts::member)
                    .one();
        });
    }

    public List<StaffMember> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM staff ORDER BY lower(name)")
                .map(StaffAccounts::member)
                .list());
    }

    public Optional<StaffMember> find(String name) {
        return jdbi.withHandle(handle -> find(handle, name));
    }

    public Optional<StaffMember> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM staff WHERE id = :id")
                .bind("id", id)
                .map(StaffAccounts::member)
                .findOne());
    }

    /** Disables the account and ends its sessions; returns false when there is no such account. */
    public boolean disable(String name) {
        return jdbi.inTransaction(handle -> {
            Optional<StaffMember> member = find(handle, name);
            member.ifPresent(found -> disable(handle, found.id()));
            return member.isPresent();
        });
    }

    /** Disables by id in the caller's transaction (the console's admin page). */
    public void disable(Handle handle, long id) {
        handle.createUpdate("UPDATE staff SET disabled_at = coalesce(disabled_at, :now) WHERE id = :id")
                .bind("id", id)
                .bind("now", now())
                .execute();
        handle.createUpdate("DELETE FROM staff_sessions WHERE staff_id = :id")
                .bind("id", id)
                .execute();
    }

    public void setLanguage(long id, Language language) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE staff SET language = :language WHERE id = :id")
                .bind("language", language.code())
                .bind("id", id)
                .execute());
    }

    /** Checks a name and password, counting wrong ones; a disabled account is refused like a wrong password. */
    public LoginResult login(String name, char[] password) {
        if (name == null || !NAME.matcher(name.strip()).matches() || password.length > Passwords.MAX_LENGTH) {
            passwords.matches(password.length > Passwords.MAX_LENGTH ? new char[0] : password, unknownNameHash);
            return new LoginResult.Refused();
        }
        return jdbi.inTransaction(handle -> {
            var row = handle.createQuery("""
                            SELECT id, password_hash, locked_until, disabled_at FROM staff
                            WHERE lower(name) = lower(:name) FOR UPDATE""")
                    .bind("name", name.strip())
                    .map((rs, ctx) -> new Row(
                            rs.getLong("id"),
                            rs.getString("password_hash"),
                            Rows.instant(rs, "locked_until"),
                            Rows.instant(rs, "disabled_at")))
                    .findOne();
            if (row.isEmpty() || row.get().disabledAt() != null) {
                passwords.matches(password, unknownNameHash);
                return new LoginResult.Refused();
            }
            Instant now = now();
            if (row.get().lockedUntil() != null && row.get().lockedUntil().isAfter(now)) {
                return new LoginResult.Locked(row.get().lockedUntil());
            }
            long id = row.get().id();
            if (!passwords.matches(password, row.get().hash())) {
                int failed = handle.createQuery("""
                                UPDATE staff SET failed_logins = failed_logins + 1 WHERE id = :id RETURNING failed_logins""")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one();
                if (failed >= MAX_FAILED_LOGINS) {
                    Instant until = now.plus(LOCKOUT);
                    handle.createUpdate("UPDATE staff SET failed_logins = 0, locked_until = :until WHERE id = :id")
                            .bind("until", until)
                            .bind("id", id)
                            .execute();
                    return new LoginResult.Locked(until);
                }
                return new LoginResult.Refused();
            }
            StaffMember member = handle.createQuery("UPDATE staff SET failed_logins = 0, locked_until = NULL, "
                            + "last_login_at = :now WHERE id = :id RETURNING " + COLUMNS)
                    .bind("now", now)
                    .bind("id", id)
                    .map(StaffAccounts::member)
                    .one();
            return new LoginResult.SignedIn(member);
        });
    }

    /**
     * Makes sure a demo account exists under {@code name} and gives it a new random password, which is
     * returned (to be printed beside the demo chat links). Never touches an account not made as a demo.
     */
    public Optional<String> resetDemo(String name, Role role) {
        String password = passwords.generate();
        String hash = passwords.hash(password.toCharArray());
        return jdbi.inTransaction(handle -> {
            Optional<StaffMember> existing = find(handle, name);
            if (existing.isPresent() && !existing.get().demo()) {
                return Optional.empty();
            }
            if (existing.isEmpty()) {
                handle.createUpdate(
                                "INSERT INTO staff (name, role, password_hash, demo) VALUES (:name, :role, :hash, true)")
                        .bind("name", name)
                        .bind("role", role.code())
                        .bind("hash", hash)
                        .execute();
            } else {
                handle.createUpdate("UPDATE staff SET password_hash = :hash, failed_logins = 0, locked_until = NULL "
                                + "WHERE id = :id")
                        .bind("hash", hash)
                        .bind("id", existing.get().id())
                        .execute();
            }
            return Optional.of(password);
        });
    }

    private static Optional<StaffMember> find(Handle handle, String name) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM staff WHERE lower(name) = lower(:name)")
                .bind("name", name.strip())
                .map(StaffAccounts::member)
                .findOne();
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A staff name is 1-64 letters, digits, '.', '_' or '-': '" + name + "'");
        }
    }

    private Instant now() {
        return clock.instant();
    }

    static StaffMember member(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new StaffMember(
                rs.getLong("id"),
                rs.getString("name"),
                Role.of(rs.getString("role")),
                Language.of(rs.getString("language")),
                rs.getBoolean("demo"),
                Rows.instant(rs, "locked_until"),
                Rows.instant(rs, "disabled_at"),
                Rows.instant(rs, "last_login_at"),
                Rows.instant(rs, "created_at"));
    }

    private record Row(long id, String hash, Instant lockedUntil, Instant disabledAt) {}
}
