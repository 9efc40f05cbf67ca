package dev.rapport.console;

import dev.rapport.feature.PageRoute;
import dev.rapport.staff.AuditLog;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.staff.StaffSession;
import dev.rapport.store.Rows;
import dev.rapport.web.page.Markup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Pages about the team rather than customers: the audit log (managers and admins) and the staff
 * accounts (admins, who may disable one). Thread-safe.
 */
final class TeamPages {

    private record Entry(String actor, String action, Long customerId, String details, Instant at) {}

    private final Views views;
    private final Jdbi jdbi;
    private final StaffAccounts accounts;
    private final AuditLog audit;

    TeamPages(Views views, Jdbi jdbi, StaffAccounts accounts, AuditLog audit) {
        this.views = views;
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.audit = audit;
    }

    List<PageRoute> routes() {
        return List.of(
                PageRoute.get("/console/audit", PageRoute.Access.roles(Role.MANAGER, Role.ADMIN), this::auditLog),
                PageRoute.get("/console/staff", PageRoute.Access.roles(Role.ADMIN), this::staff),
                PageRoute.post("/console/staff/{staff}/disable", PageRoute.Access.roles(Role.ADMIN), this::disable));
    }

    private void auditLog(Context ctx, StaffSession session) {
        View view = views.of(session);
        var entries = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT actor, action, customer_id, details::text AS details, at FROM audit_log ORDER BY id DESC LIMIT 200""")
                .map((rs, c) -> new Entry(
                        rs.getString("actor"),
                        rs.getString("action"),
                        (Long) rs.getObject("customer_id"),
                        rs.getString("details"),
                        Rows.instant(rs, "at")))
                .list());
        ctx.html(Layout.single(
                        view,
                        view.t("nav.audit"),
                        Markup.of(
                                """
                        <h1>{}</h1><table class="table" id="audit"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>
                        <th>{}</th></tr></thead><tbody>{}</tbody></table>""",
                                view.t("nav.audit"),
                                view.t("audit.when"),
                                view.t("audit.who"),
                                view.t("audit.what"),
                                view.t("audit.customer"),
                                view.t("audit.details"),
                                Markup.join(entries.stream()
                                        .map(entry -> Markup.of(
                                                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                                                view.when(entry.at()),
                                                entry.actor(),
                                                entry.action(),
                                                entry.customerId() == null
                                                        ? Markup.EMPTY
                                                        : Markup.of(
                                                                "<a href=\"/console/customers/{}\">#{}</a>",
                                                                entry.customerId(),
                                                                entry.customerId()),
                                                entry.details()))
                                        .toList())))
                .html());
    }

    private void staff(Context ctx, StaffSession session) {
        View view = views.of(session);
        ctx.html(Layout.single(
                        view,
                        view.t("nav.staff"),
                        Markup.of(
                                """
                        <h1>{}</h1><p class="muted">{}</p><table class="table" id="staff"><thead><tr><th>{}</th><th>{}</th>
                        <th>{}</th><th>{}</th><th></th></tr></thead><tbody>{}</tbody></table>""",
                                view.t("nav.staff"),
                                view.t("staff.hint"),
                                view.t("staff.name"),
                                view.t("staff.role"),
                                view.t("staff.language"),
                                view.t("staff.last_login"),
                                Markup.join(accounts.list().stream()
                                        .map(member -> Markup.of(
                                                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                                                member.name(),
                                                view.t("role." + member.role().code()),
                                                member.language().code(),
                                                member.lastLoginAt() == null ? "—" : view.when(member.lastLoginAt()),
                                                member.disabled()
                                                        ? Markup.text(view.t("staff.disabled"))
                                                        : Markup.of(
                                                                "<form method=\"post\" action=\"/console/staff/{}/disable\">{}"
                                                                        + "<button type=\"submit\">{}</button></form>",
                                                                member.id(),
                                                                view.csrf(),
                                                                view.t("staff.disable"))))
                                        .toList())))
                .html());
    }

    private void disable(Context ctx, StaffSession session) {
        long id = ConsolePages.id(ctx.pathParam("staff"));
        if (id == session.member().id()) {
            ctx.status(HttpStatus.CONFLICT).result("You cannot disable your own account.");
            return;
        }
        jdbi.useTransaction(handle -> {
            accounts.disable(handle, id);
            AuditLog.record(handle, session.member().ref(), "staff.disable", null, Map.of("staff_id", id));
        });
        ctx.redirect("/console/staff", HttpStatus.SEE_OTHER);
    }
}
