package dev.rapport.feature;

import dev.rapport.staff.Role;
import dev.rapport.staff.StaffSession;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Set;

/**
 * A page or form endpoint for people (the staff console, the dashboard), as a feature declares it.
 * The route table checks, before the handler runs and for every route alike: the session cookie, the
 * role the route requires, and on every state change ({@code POST}) a CSRF token — the form field
 * {@value #CSRF_FIELD} or the header {@value #CSRF_HEADER}. Anonymous page views are sent to the
 * sign-in page, anonymous changes get 401, a missing role 403, a missing or wrong token 403.
 *
 * @param path    a Javalin path, such as {@code /console/tickets/{ticket}/resolve}
 * @param handler runs on a request thread with the signed-in session (null only on a public route
 *                with nobody signed in)
 */
public record PageRoute(Method method, String path, Access access, Handler handler) {

    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    public enum Method {
        GET,
        POST;

        public boolean changesState() {
            return this != GET;
        }
    }

    /** Who may use a route. */
    public sealed interface Access {
        /** Anyone, signed in or not: the sign-in page, the stylesheet. */
        Access PUBLIC = new Public();
        /** Any signed-in staff member. */
        Access ANY_STAFF = new Roles(EnumSet.allOf(Role.class));

        static Access roles(Role first, Role... more) {
            return new Roles(EnumSet.of(first, more));
        }
    }

    public record Public() implements Access {}

    public record Roles(Set<Role> allowed) implements Access {
        public Roles {
            allowed = Set.copyOf(allowed);
        }
    }

    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, StaffSession session) throws Exception;
    }

    public static PageRoute get(String path, Access access, Handler handler) {
        return new PageRoute(Method.GET, path, access, handler);
    }

    public static PageRoute post(String path, Access access, Handler handler) {
        return new PageRoute(Method.POST, path, access, handler);
    }
}
