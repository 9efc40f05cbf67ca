package dev.rapport.staffgroup;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the staff group can be used, kept in {@code staffgroup_status} so every instance agrees.
 * While it cannot, nothing is posted there and handoffs are worked in the console alone (they always
 * are in the console too, so nothing is lost). Stateless; thread-safe.
 */
final class GroupStatus {

    private static final Logger log = LoggerFactory.getLogger(GroupStatus.class);

    private GroupStatus() {}

    /** Why the group cannot be used, or empty when it can. */
    static Optional<String> unusable(Handle handle, String groupId) {
        return handle.createQuery(
                        "SELECT unusable FROM staffgroup_status WHERE group_id = :group AND unusable IS NOT NULL")
                .bind("group", groupId)
                .mapTo(String.class)
                .findOne();
    }

    static void markUnusable(Jdbi jdbi, String groupId, String why) {
        jdbi.useHandle(handle -> markUnusable(handle, groupId, why));
    }

    static void markUnusable(Handle handle, String groupId, String why) {
        int changed =
                handle.createUpdate("""
                        INSERT INTO staffgroup_status (group_id, unusable) VALUES (:group, :why)
                        ON CONFLICT (group_id) DO UPDATE SET unusable = excluded.unusable, checked_at = now()
                        WHERE staffgroup_status.unusable IS DISTINCT FROM excluded.unusable""").bind("group", groupId).bind("why", why).execute();
        if (changed > 0) {
            log.error(
                    "Staff group {} cannot be used: {}. Handoffs fall back to the console until this is fixed "
                            + "and Rapport restarted.",
                    groupId,
                    why);
        }
    }

    static void markUsable(Jdbi jdbi, String groupId) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO staffgroup_status (group_id, unusable) VALUES (:group, NULL)
                        ON CONFLICT (group_id) DO UPDATE SET unusable = NULL, checked_at = now()""").bind("group", groupId).execute());
    }
}
