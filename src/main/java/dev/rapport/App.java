package dev.rapport;

import dev.rapport.channel.telegram.TelegramSender;
import dev.rapport.channel.webchat.WebchatRoutes;
import dev.rapport.complaint.ComplaintDesk;
import dev.rapport.config.RapportConfig;
import dev.rapport.console.ConsoleFeature;
import dev.rapport.customer.Customers;
import dev.rapport.dashboard.DashboardFeature;
import dev.rapport.engine.Engine;
import dev.rapport.engine.HandoffPort;
import dev.rapport.engine.Interpreter;
import dev.rapport.feature.PageRoute;
import dev.rapport.flow.Conversations;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.handoff.HandoffFeature;
import dev.rapport.inbox.InboxWorkers;
import dev.rapport.inbox.Intake;
import dev.rapport.inbox.OutreachQueue;
import dev.rapport.nlu.Nlu;
import dev.rapport.outbox.OutboxSender;
import dev.rapport.schedule.Job;
import dev.rapport.schedule.Jobs;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.staff.StaffSessions;
import dev.rapport.staffgroup.StaffGroup;
import dev.rapport.store.Database;
import dev.rapport.store.LiveFeed;
import dev.rapport.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: configuration → database → conversations → engine → intake, workers,
 * outbox sender → web server. Everything is built here and handed down by constructor; nothing
 * else creates services. {@link #close()} shuts down in the safe order: stop taking updates, finish
 * turns in flight, stop the sender, close the database.
 */
public final class App implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Database database;
    private final boolean ownsDatabase;
    private final WebServer web;
    private final Intake intake;
    private InboxWorkers workers; // assigned once in the constructor; read by the intake's wake-up lambda
    private OutboxSender sender; // assigned once in the constructor; read by the workers' wake-up lambda
    private final WebchatRoutes webchat;
    private TelegramSender telegram; // null without a bot token
    private final Jobs jobs;
    private final LiveFeed live; // this instance's LISTEN connection; streams subscribe to it
    private final Engine engine;
    private final Startup startup;
    private final ConsoleFeature console;
    private final HandoffDesk handoffs;
    private StaffGroup staffGroup; // null without a staff group
    private HandoffPort
            handoffPort; // assigned once in the constructor; read by complaint jobs and survey answers after start()

    private App(
            RapportConfig config,
            Database database,
            boolean ownsDatabase,
            Clock clock,
            java.util.concurrent.CompletableFuture<Nlu> models) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.live = new LiveFeed(database::openDedicatedConnection, metrics);

        var customers = new Customers();
        var outreach = new OutreachQueue();
        var features = Features.of(config, database.jdbi(), customers, outreach, clock, () -> this.handoffPort);
        var parts = FeatureParts.of(features);
        Conversations conversations = parts.conversations(config.conversationsDir());
        ConfigLoads.record(database.jdbi(), config, conversations);
        this.startup = new Startup(database, models);
        Interpreter interpreter = startup.interpreter(); // waits for the models, which load in the background
        // Handoff starts with the loaded texts; the staff group (when configured) wraps its port.
        var handoff = features.stream()
                .filter(HandoffFeature.class::isInstance)
                .map(HandoffFeature.class::cast)
                .findFirst()
                .orElseThrow();
        var handing = handoff.start(
                database.jdbi(),
                conversations.messages(),
                outreach,
                () -> this.sender.wake(),
                config.businessName(),
                clock);
        this.handoffs = handing.desk();
        List<Job> jobs = new ArrayList<>(parts.jobs());
        jobs.addAll(handing.jobs());
        var port = handing.port();
        if (Features.withStaffGroup(config)) {
            var complaintDesk = new ComplaintDesk(database.jdbi(), outreach);
            this.staffGroup = new StaffGroup(
                    config.telegram(),
                    database.jdbi(),
                    handoffs,
                    conversations.messages(),
                    (ticket, note, staff) -> complaintDesk.resolve(ticket, note, staff.name()),
                    () -> this.sender.wake());
            port = staffGroup.port(port);
        }
        this.handoffPort = port;
        this.engine = new Engine(
                conversations,
                parts.actions(),
                customers,
                interpreter,
                config.inbox().stepLimit(),
                config.businessName(),
                clock,
                port);

        // Intake wakes the workers and the workers wake the sender; both are built below, and the
        // lambdas read the fields only once updates flow, after start().
        this.intake = new Intake(database.jdbi(), 2, () -> this.workers.wake());
        this.webchat =
                new WebchatRoutes(intake, database.jdbi(), live, config.webchat(), config.businessName(), metrics);
        var channels = Channels.of(config, webchat, staffGroup, intake, metrics, database.jdbi());
        jobs.addAll(channels.jobs());
        this.telegram = channels.telegram();
        this.sender = new OutboxSender(database.jdbi(), channels.senders(), config.outbox(), metrics);
        this.workers = new InboxWorkers(
                database.jdbi(),
                config.inbox(),
                channels.decoders(),
                new Turns(engine, staffGroup),
                () -> this.sender.wake(),
                metrics);
        // Staff accounts and the console: pages behind the route table's session, role and CSRF checks.
        var staffSessions = new StaffSessions(database.jdbi(), clock);
        this.console = new ConsoleFeature(
                database.jdbi(),
                new StaffAccounts(database.jdbi(), clock),
                staffSessions,
                new ComplaintDesk(database.jdbi(), outreach),
                handoffs,
                config.conversationsDir(),
                config.timeZone(),
                live,
                metrics);
        // The console and the dashboard need the running desk and feed, so they are built here, after the flows.
        List<PageRoute> pages = new ArrayList<>(console.pages());
        pages.addAll(new DashboardFeature(database.jdbi(), config.timeZone(), clock).pages());
        this.web = new WebServer(
                config.port(),
                channels.webhook(),
                webchat,
                startup,
                metrics,
                config.apiToken(),
                parts.apiRoutes(),
                staffSessions,
                pages);
        this.jobs = new Jobs(database.dataSource(), jobs, java.time.Duration.ofSeconds(10));
    }

    /** Opens the configured database (embedded when none is set), migrates it and starts everything. */
    public static App start(RapportConfig config) {
        long began = System.nanoTime();
        var models = loadModels(config); // alongside the database's start, which takes about as long
        Database database = Database.openMigrated(config, poolSize(config));
        long opened = System.nanoTime();
        DemoStart demo;
        try {
            demo = DemoStart.prepare(config, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        log.info(
                "Database open and migrated in {} ms; demo data in {} ms",
                millisBetween(began, opened),
                millisBetween(opened, System.nanoTime()));
        App app = start(config, database, true, Clock.systemUTC(), models);
        demo.logOnceReady(log, app.port(), app.ready());
        return app;
    }

    /** Starts on an open, migrated database; {@code ownsDatabase} closes it with the app. */
    public static App start(RapportConfig config, Database database, boolean ownsDatabase) {
        return start(config, database, ownsDatabase, Clock.systemUTC());
    }

    /**
     * Starts on an open, migrated database with {@code clock} as every feature's and the engine's
     * idea of now (tests fix it); the database's own {@code now()} still runs on its server's clock.
     *
     * <p>Returns once the server answers: {@code /healthz} is 200 and updates are stored and
     * acknowledged. The NLU models load (or train) in the background and the inbox workers start
     * after them; {@link #awaitReady} waits for that, and {@code /readyz} says 503 until then.
     */
    public static App start(RapportConfig config, Database database, boolean ownsDatabase, Clock clock) {
        return start(config, database, ownsDatabase, clock, loadModels(config));
    }

    private static java.util.concurrent.CompletableFuture<Nlu> loadModels(RapportConfig config) {
        return Startup.loadModels(
                config.conversationsDir().resolve("nlu"), config.dataDir().resolve("nlu"));
    }

    private static App start(
            RapportConfig config,
            Database database,
            boolean ownsDatabase,
            Clock clock,
            java.util.concurrent.CompletableFuture<Nlu> models) {
        long began = System.nanoTime();
        App app;
        try {
            app = new App(config, database, ownsDatabase, clock, models);
        } catch (RuntimeException e) {
            if (ownsDatabase) {
                database.close(); // an embedded PostgreSQL left running would block the next start
            }
            throw e;
        }
        try {
            app.live.start();
            if (app.staffGroup != null) {
                app.staffGroup.start(app.live);
            }
            app.sender.start();
            app.jobs.start();
            app.web.start();
        } catch (RuntimeException e) {
            app.close(); // a port already in use, say: stop the threads already started
            throw e;
        }
        log.info(
                "Rapport is listening on port {} (flows, features and web server in {} ms); web chat at "
                        + "http://localhost:{}/chat (ready once the NLU models are loaded: GET /readyz)",
                app.port(),
                millisBetween(began, System.nanoTime()),
                app.port());
        app.startup.begin(app.workers::start);
        return app;
    }

    private static long millisBetween(long fromNanos, long toNanos) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    private static int poolSize(RapportConfig config) {
        return config.inbox().workers() + 2 + 4 + 4;
    }

    public int port() {
        return web.port();
    }

    /** The web server's page routes (console), as registered: for tests that check every one. */
    public List<PageRoute> pageRoutes() {
        return web.pageRoutes();
    }

    public Database database() {
        return database;
    }

    /** The engine with every feature's actions and the loaded conversations (conversation tests run turns on it). */
    public Engine engine() {
        return engine;
    }

    /** The handoff desk staff work at (the console, the staff group). */
    public HandoffDesk handoffs() {
        return handoffs;
    }

    /**
     * Waits until the instance is ready: the NLU models loaded and the inbox workers started.
     *
     * @return false when {@code timeout} passed first
     * @throws RuntimeException the reason it can never be ready (a malformed NLU training file, say)
     */
    public boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
        return startup.awaitReady(timeout);
    }

    /** Completes once the instance is ready; fails with the reason when it never will be. */
    public java.util.concurrent.CompletableFuture<Void> ready() {
        return startup.ready();
    }

    /**
     * Waits until the inbox workers and then the outbox sender are idle: every update taken in before
     * the call has had its turn, and every reply due has been sent. For tests asserting that nothing
     * more happens, instead of sleeping.
     *
     * @return false when either did not become idle within {@code timeout}
     */
    public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        return workers.awaitIdle(timeout) && sender.awaitIdle(timeout);
    }

    /** Runs a scheduled job now, on the calling thread (tests, and operators via the CLI). */
    public void runJob(String name) {
        jobs.runNow(name);
    }

    @Override
    public void close() {
        log.info("Stopping: no new updates; finishing turns in flight");
        webchat.close(); // open browser streams would hold the web server's graceful stop
        console.close();
        web.close();
        live.close();
        intake.close();
        jobs.close();
        startup.close(); // a start still loading models starts no workers now
        workers.close();
        sender.close();
        if (staffGroup != null) {
            staffGroup.close();
        }
        if (telegram != null) {
            telegram.close(); // its HTTP client's threads and connections
        }
        if (ownsDatabase) {
            database.close();
        }
        log.info("Stopped");
    }
}
