package dev.rapport.console;

import dev.rapport.complaint.ComplaintDesk;
import dev.rapport.feature.Feature;
import dev.rapport.feature.PageRoute;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.staff.AuditLog;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.staff.StaffSessions;
import dev.rapport.store.LiveFeed;
import dev.rapport.winback.CancellationDesk;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The staff console at {@code /console}: sign-in, the three panes (queue, conversation, customer),
 * search, ticket actions, the audit log and the staff list. Built once by {@code App}; immutable and
 * thread-safe.
 */
public final class ConsoleFeature implements Feature, AutoCloseable {

    private final List<PageRoute> pages;
    private final ConsoleStream stream;

    public ConsoleFeature(
            Jdbi jdbi,
            StaffAccounts accounts,
            StaffSessions sessions,
            ComplaintDesk desk,
            HandoffDesk handoffs,
            Path conversationsDir,
            ZoneId zone,
            LiveFeed live,
            MeterRegistry metrics) {
        this.stream = new ConsoleStream(live, metrics);
        var texts = new Texts();
        var views = new Views(texts, zone);
        var audit = new AuditLog(jdbi);
        var routes = new ArrayList<PageRoute>();
        routes.addAll(new Assets().routes());
        routes.addAll(new LoginPages(accounts, sessions, audit, texts, zone).routes());
        var cancellations = new CancellationPages(new CancellationDesk(jdbi), audit);
        var console = new ConsolePages(
                views,
                new Lookup(jdbi),
                new CustomerFile(jdbi),
                desk,
                handoffs,
                new CannedReplies(conversationsDir),
                accounts,
                audit,
                cancellations);
        routes.addAll(console.routes());
        routes.addAll(new HandoffPages(views, handoffs, console, accounts, audit).routes());
        routes.addAll(new TeamPages(views, jdbi, accounts, audit).routes());
        routes.addAll(new ChatFilePages(jdbi, audit).routes());
        routes.addAll(cancellations.routes());
        routes.addAll(stream.routes());
        this.pages = List.copyOf(routes);
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public List<PageRoute> pages() {
        return pages;
    }

    /** Ends the open console streams (browsers reconnect to another instance) and leaves the feed. */
    @Override
    public void close() {
        stream.close();
    }
}
