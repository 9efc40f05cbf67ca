package dev.rapport.dashboard;

import dev.rapport.feature.PageRoute;
import dev.rapport.staff.AuditLog;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffSession;
import dev.rapport.web.page.Markup;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's pages, for managers and admins only: the overview, the rows behind each figure
 * (and their CSV), and a customer's transcript (page, text, JSON). Every export is written to the
 * audit log. Request handlers run on Jetty's threads; thread-safe.
 */
final class DashboardPages {

    static final PageRoute.Access MANAGERS = PageRoute.Access.roles(Role.MANAGER, Role.ADMIN);
    static final long CSV_LIMIT = 1_000_000;
    static final int PARALLEL = 4;

    private final Jdbi jdbi;
    private final Texts texts;
    private final ZoneId zone;
    private final Clock clock;
    private final AuditLog audit;
    private final SurveyFigures surveys;
    private final FreeText freeText;
    private final ComplaintFigures complaints;
    private final PeopleFigures people;
    private final OfferFigures offers;
    private final TierFigures tiers;
    private final Alerts alerts;
    private final RowSets rowSets;
    private final RowReader reader;
    private final Transcripts transcripts;
    /** Reads the overview's sections; idle threads end after a while, and they never keep the JVM alive. */
    private final Executor sections;

    DashboardPages(Jdbi jdbi, Texts texts, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.texts = texts;
        this.zone = zone;
        this.clock = clock;
        this.audit = new AuditLog(jdbi);
        this.surveys = new SurveyFigures(jdbi, zone);
        this.freeText = new FreeText(jdbi, zone);
        this.complaints = new ComplaintFigures(jdbi, zone);
        this.people = new PeopleFigures(jdbi, zone);
        this.offers = new OfferFigures(jdbi, zone);
        this.tiers = new TierFigures(jdbi, zone);
        this.alerts = new Alerts(jdbi);
        this.rowSets = new RowSets(zone);
        this.reader = new RowReader(jdbi, zone);
        this.transcripts = new Transcripts(jdbi);
        var threads = new AtomicInteger();
        var pool =
                new ThreadPoolExecutor(PARALLEL, PARALLEL, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
                    var thread = new Thread(work, "dashboard-section-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.sections = pool;
    }

    List<PageRoute> routes() {
        return List.of(
                PageRoute.get("/dashboard", MANAGERS, this::overview),
                PageRoute.get("/dashboard/rows/{set}", MANAGERS, this::rows),
                PageRoute.get("/dashboard/rows/{set}/csv", MANAGERS, this::csv),
                PageRoute.get("/dashboard/transcripts/{customer}", MANAGERS, this::transcript),
                PageRoute.get("/dashboard/transcripts/{customer}/text", MANAGERS, this::transcriptText),
                PageRoute.get("/dashboard/transcripts/{customer}/json", MANAGERS, this::transcriptJson));
    }

    /**
     * The overview's sections are read at the same time, each on its own connection, so a page takes about
     * as long as its slowest section. At most {@value #PARALLEL} sections are read at once across all
     * requests (the rest wait in line), which leaves the connection pool to the message path.
     */
    private void overview(Context ctx, StaffSession session) {
        View view = new View(session, texts, zone);
        Filter filter = filter(ctx);
        // The slowest reads first (the two percentiles' sorts, the survey rollups, the complaint counts), so the
        // quick ones fill in around them instead of delaying their start.
        var firstResponse = CompletableFuture.supplyAsync(
                () -> complaints.spread(filter, ComplaintFigures.Measure.FIRST_RESPONSE), sections);
        var resolution = CompletableFuture.supplyAsync(
                () -> complaints.spread(filter, ComplaintFigures.Measure.RESOLUTION), sections);
        var survey = CompletableFuture.supplyAsync(() -> surveys.compute(filter), sections);
        var complaintCounts = CompletableFuture.supplyAsync(() -> complaints.counts(filter), sections);
        var text = CompletableFuture.supplyAsync(() -> freeText.compute(filter), sections);
        var recent = CompletableFuture.supplyAsync(() -> alerts.recent(clock.instant()), sections);
        var surveyIds = CompletableFuture.supplyAsync(this::surveyIds, sections);
        var team = CompletableFuture.supplyAsync(() -> people.compute(filter), sections);
        var offer = CompletableFuture.supplyAsync(() -> offers.compute(filter), sections);
        var tier = CompletableFuture.supplyAsync(() -> tiers.compute(filter), sections);
        var body = Markup.of(
                "<h1>{}</h1>{}{}{}{}{}{}{}{}",
                view.t("title.dashboard"),
                TeamAndCustomerSections.alerts(view, recent.join()),
                Frame.filters(view, "/dashboard", filter, surveyIds.join(), Markup.EMPTY),
                SurveySection.render(view, filter, survey.join()),
                FreeText.render(view, filter, text.join()),
                ComplaintSection.render(
                        view,
                        filter,
                        ComplaintFigures.combine(
                                complaintCounts.join(),
                                ComplaintFigures.times(firstResponse.join(), resolution.join()))),
                TeamAndCustomerSections.people(view, filter, team.join()),
                TeamAndCustomerSections.offers(view, filter, offer.join()),
                TeamAndCustomerSections.tiers(view, filter, tier.join()));
        ctx.html(Frame.page(view, view.t("title.dashboard"), body).html());
    }

    private void rows(Context ctx, StaffSession session) {
        View view = new View(session, texts, zone);
        RowSet set = set(ctx);
        Filter filter = filter(ctx);
        Map<String, String> narrow = narrow(ctx, set);
        var rows = reader.first(set, filter, narrow, RowsPage.SHOWN);
        ctx.html(Frame.page(
                        view,
                        view.t("rows." + set.name()),
                        RowsPage.render(view, set, filter, narrow, surveyIds(), rows, reader.available(set)))
                .html());
    }

    private void csv(Context ctx, StaffSession session) throws Exception {
        View view = new View(session, texts, zone);
        RowSet set = set(ctx);
        Filter filter = filter(ctx);
        Map<String, String> narrow = narrow(ctx, set);
        audit.record(
                session.member().ref(),
                "dashboard.export",
                null,
                Map.of("rows", set.name(), "query", filter.query() + RowsPage.narrowQuery(narrow)));
        ctx.contentType("text/csv; charset=utf-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + set.name() + "-" + filter.from() + "-" + filter.to() + ".csv\"");
        // One large buffer between the rows and the response: the response is written in 64 KB pieces, never flushed
        // per row.
        try (Writer out =
                new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            var csv = new Csv(out);
            var header = new ArrayList<String>(List.of("customer_id", "row_id"));
            set.columns().forEach(column -> header.add(view.t(column)));
            csv.row(header);
            reader.each(set, filter, narrow, CSV_LIMIT, row -> {
                var cells = new ArrayList<String>(List.of(String.valueOf(row.customerId()), String.valueOf(row.id())));
                cells.addAll(row.cells());
                try {
                    csv.row(cells);
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        }
    }

    private void transcript(Context ctx, StaffSession session) {
        View view = new View(session, texts, zone);
        var transcript = load(ctx, session, "dashboard.transcript");
        ctx.html(Frame.page(
                        view,
                        view.t(
                                "transcript.title",
                                transcript.customer().name() == null
                                        ? "#" + transcript.customer().id()
                                        : transcript.customer().name()),
                        TranscriptPage.render(view, transcript, ctx.queryParam("answer")))
                .html());
    }

    private void transcriptText(Context ctx, StaffSession session) {
        View view = new View(session, texts, zone);
        var transcript = load(ctx, session, "dashboard.transcript_export");
        ctx.contentType("text/plain; charset=utf-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"transcript-"
                                + transcript.customer().id() + ".txt\"")
                .result(TranscriptPage.text(view, transcript));
    }

    private void transcriptJson(Context ctx, StaffSession session) {
        var transcript = load(ctx, session, "dashboard.transcript_export");
        ctx.contentType("application/json; charset=utf-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"transcript-"
                                + transcript.customer().id() + ".json\"")
                .result(TranscriptPage.json(transcript));
    }

    private Transcripts.Transcript load(Context ctx, StaffSession session, String action) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("customer"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("No such customer");
        }
        var transcript = transcripts.of(id).orElseThrow(() -> new NotFoundResponse("No such customer"));
        audit.record(session.member().ref(), action, id, Map.of());
        return transcript;
    }

    private Filter filter(Context ctx) {
        return Filter.parse(ctx::queryParams, LocalDate.now(clock.withZone(zone)));
    }

    private RowSet set(Context ctx) {
        RowSet set = rowSets.get(ctx.pathParam("set"));
        if (set == null) {
            throw new NotFoundResponse("No such table");
        }
        return set;
    }

    private static Map<String, String> narrow(Context ctx, RowSet set) {
        var narrow = new LinkedHashMap<String, String>();
        for (String name : set.parameters().stream().sorted().toList()) {
            String value = ctx.queryParam(name);
            if (value != null && RowSet.VALUE.matcher(value).matches()) {
                narrow.put(name, value);
            }
        }
        return narrow;
    }

    /** The surveys that have responses, for the filter (a skip scan over the survey index: one probe per survey). */
    private List<String> surveyIds() {
        return jdbi.withHandle(
                handle -> handle.createQuery("""
                        WITH RECURSIVE ids AS (
                            (SELECT survey_id FROM survey_responses ORDER BY survey_id LIMIT 1)
                            UNION ALL
                            SELECT (SELECT r.survey_id FROM survey_responses r WHERE r.survey_id > ids.survey_id
                                    ORDER BY r.survey_id LIMIT 1) FROM ids WHERE ids.survey_id IS NOT NULL)
                        SELECT survey_id FROM ids WHERE survey_id IS NOT NULL""").mapTo(String.class).list());
    }
}
