package dev.rapport.dashboard;

import dev.rapport.feature.Feature;
import dev.rapport.feature.PageRoute;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The manager dashboard at {@code /dashboard}: what customers think (surveys, free text), how
 * complaints, people, offers and win-back go, and the customer pyramid — each figure defined on the
 * page and linked to the rows behind it, down to a customer's whole transcript; CSV, text and JSON
 * exports. Managers and admins only. Read-only SQL over the features' tables. Built once by
 * {@code App}; immutable and thread-safe.
 */
public final class DashboardFeature implements Feature {

    private final List<PageRoute> pages;

    /** Also makes the survey rollups count days in {@code zone}, rebuilding them if they were built in another. */
    public DashboardFeature(Jdbi jdbi, ZoneId zone, Clock clock) {
        new SurveyRollups(jdbi, zone).ensureZone();
        var routes = new ArrayList<PageRoute>();
        routes.addAll(new Assets().routes());
        routes.addAll(new DashboardPages(jdbi, new Texts(), zone, clock).routes());
        this.pages = List.copyOf(routes);
    }

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public List<PageRoute> pages() {
        return pages;
    }
}
