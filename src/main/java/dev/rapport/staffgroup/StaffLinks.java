package dev.rapport.staffgroup;

import dev.rapport.domain.StaffRef;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Telegram users linked to staff accounts ({@code staffgroup_staff_links}): only linked users of
 * accounts that are not disabled act in the staff group. One Telegram user per staff account and the
 * other way round; linking again replaces the old link. A staff member can link themselves with a
 * one-time code ({@link #issueCode}) sent as {@code /link CODE} in the group. Thread-safe.
 */
public final class StaffLinks {

    /** How long a one-time code works. */
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(15);

    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();

    public StaffLinks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Links {@code telegramUserId} to staff account {@code staff}, replacing either side's earlier link. */
    public void link(StaffRef staff, long telegramUserId) {
        jdbi.useTransaction(handle -> link(handle, staff, telegramUserId));
    }

    static void link(Handle handle, StaffRef staff, long telegramUserId) {
        handle.createUpdate("DELETE FROM staffgroup_staff_links WHERE staff_id = :staff OR telegram_user_id = :user")
                .bind("staff", staff.id())
                .bind("user", telegramUserId)
                .execute();
        handle.createUpdate("""
                        INSERT INTO staffgroup_staff_links (staff_id, staff_name, telegram_user_id)
                        VALUES (:staff, :name, :user)""")
                .bind("staff", staff.id())
                .bind("name", staff.name())
                .bind("user", telegramUserId)
                .execute();
    }

    /** Removes the staff account's link; false when it had none. */
    public boolean unlink(long staffId) {
        return jdbi.withHandle(
                        handle -> handle.createUpdate("DELETE FROM staffgroup_staff_links WHERE staff_id = :staff")
                                .bind("staff", staffId)
                                .execute())
                > 0;
    }

    /** The Telegram user linked to the account, if any. */
    public Optional<Long> telegramUser(long staffId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT telegram_user_id FROM staffgroup_staff_links WHERE staff_id = :staff")
                .bind("staff", staffId)
                .mapTo(Long.class)
                .findOne());
    }

    /**
     * A new one-time code for the account (earlier ones stop working), valid for {@link #CODE_VALIDITY}:
     * the staff member sends {@code /link CODE} in the staff group to link the Telegram account they send it from.
     */
    public String issueCode(long staffId) {
        var code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM staffgroup_link_codes WHERE staff_id = :staff OR expires_at < now()")
                    .bind("staff", staffId)
                    .execute();
            handle.createUpdate("""
                            INSERT INTO staffgroup_link_codes (code, staff_id, expires_at)
                            VALUES (:code, :staff, now() + :millis * interval '1 millisecond')""")
                    .bind("code", code.toString())
                    .bind("staff", staffId)
                    .bind("millis", CODE_VALIDITY.toMillis())
                    .execute();
        });
        return code.toString();
    }

    /** Uses up {@code code} for {@code telegramUserId}: the account it was issued for, now linked; empty when unknown or expired. */
    static Optional<StaffRef> redeem(Handle handle, String code, long telegramUserId) {
        Optional<StaffRef> staff = handle.createQuery("""
                        DELETE FROM staffgroup_link_codes codes USING staff
                        WHERE codes.code = :code AND codes.expires_at > now() AND staff.id = codes.staff_id
                          AND staff.disabled_at IS NULL
                        RETURNING staff.id, staff.name""")
                .bind("code", code.strip().toUpperCase())
                .map((rs, ctx) -> new StaffRef(rs.getLong("id"), rs.getString("name")))
                .findOne();
        staff.ifPresent(ref -> link(handle, ref, telegramUserId));
        return staff;
    }

    /** The staff member a Telegram user acts as: linked, and their account not disabled. */
    static Optional<StaffRef> find(Handle handle, long telegramUserId) {
        return handle.createQuery("""
                        SELECT staff.id, staff.name FROM staffgroup_staff_links link
                        JOIN staff ON staff.id = link.staff_id AND staff.disabled_at IS NULL
                        WHERE link.telegram_user_id = :user""")
                .bind("user", telegramUserId)
                .map((rs, ctx) -> new StaffRef(rs.getLong("id"), rs.getString("name")))
                .findOne();
    }
}
