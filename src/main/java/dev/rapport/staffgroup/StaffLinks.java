package dev.rapport.staffgroup;

import dev.rapport.domain.StaffRef;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Telegram users linked to staff accounts ({@code staffgroup_staff_links}): only linked users act in
 * the staff group. One Telegram user per staff account and the other way round; linking again
 * replaces the old link. Thread-safe.
 */
public final class StaffLinks {

    private final Jdbi jdbi;

    public StaffLinks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Links {@code telegramUserId} to staff account {@code staff}, replacing either side's earlier link. */
    public void link(StaffRef staff, long telegramUserId) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM staffgroup_staff_links WHERE staff_id = :staff OR telegram_user_id = :user")
                    .bind("staff", staff.id()).bind("user", telegramUserId).execute();
            handle.createUpdate("""
                            INSERT INTO staffgroup_staff_links (staff_id, staff_name, telegram_user_id)
                            VALUES (:staff, :name, :user)""")
                    .bind("staff", staff.id()).bind("name", staff.name()).bind("user", telegramUserId).execute();
        });
    }

    /** Removes the staff account's link; false when it had none. */
    public boolean unlink(long staffId) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM staffgroup_staff_links WHERE staff_id = :staff")
                .bind("staff", staffId).execute()) > 0;
    }

    static Optional<StaffRef> find(Handle handle, long telegramUserId) {
        return handle.createQuery("SELECT staff_id, staff_name FROM staffgroup_staff_links WHERE telegram_user_id = :user")
                .bind("user", telegramUserId)
                .map((rs, ctx) -> new StaffRef(rs.getLong("staff_id"), rs.getString("staff_name")))
                .findOne();
    }
}
