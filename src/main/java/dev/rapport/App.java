package dev.rapport;

import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.telegram.StaffGroupDecoder;
import dev.rapport.channel.telegram.TelegramDecoder;
import dev.rapport.channel.telegram.TelegramSender;
import dev.rapport.channel.telegram.TelegramWebhook;
import dev.rapport.channel.webchat.WebchatDecoder;
import dev.rapport.channel.webchat.WebchatRoutes;
import dev.rapport.complaint.Complaints;
import dev.rapport.complaint.ComplaintsConfig;
import dev.rapport.config.RapportConfig;
import dev.rapport.customer.ConsentActions;
import dev.rapport.complaint.ComplaintDesk;
import dev.rapport.console.ConsoleFeature;
import dev.rapport.dashboard.DashboardFeature;
import dev.rapport.demo.DemoData;
import dev.rapport.demo.DemoStaff;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.staff.StaffSessions;
import dev.rapport.web.PageRoute;
import dev.rapport.customer.CustomerSettings;
import dev.rapport.customer.Customers;
import dev.rapport.customer.LinkAction;
import dev.rapport.customer.LinkTokens;
import dev.rapport.customer.importing.PurchaseApi;
import dev.rapport.customer.tier.Tiers;
import dev.rapport.engine.Action;
import dev.rapport.engine.Engine;
import dev.rapport.engine.Interpreter;
import dev.rapport.engine.NluInterpreter;
import dev.rapport.nlu.Nlu;
import dev.rapport.offer.OfferFeature;
import dev.rapport.winback.WinbackFeature;
import dev.rapport.flow.Conversations;
import dev.rapport.flow.Flow;
import dev.rapport.flow.FlowLoader;
import dev.rapport.flow.FlowProblem;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.handoff.HandoffFeature;
import dev.rapport.inbox.InboxWorkers;
import dev.rapport.inbox.Intake;
import dev.rapport.inbox.OutreachQueue;
import dev.rapport.inbox.UpdateDecoder;
import dev.rapport.outbox.OutboxSender;
import dev.rapport.schedule.Job;
import dev.rapport.schedule.Jobs;
import dev.rapport.store.Database;
import dev.rapport.store.LiveFeed;
import dev.rapport.staffgroup.StaffGroup;
import dev.rapport.survey.SurveyFeature;
import dev.rapport.web.ApiRoute;
import dev.rapport.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
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
    private InboxWorkers workers;     // assigned once in the constructor; read by the intake's wake-up lambda
    private OutboxSender sender;      // assigned once in the constructor; read by the workers' wake-up lambda
    private final WebchatRoutes webchat;
    private TelegramSender telegram;  // null without a bot token
    private final Jobs jobs;
    private final LiveFeed live;      // this instance's LISTEN connection; streams subscribe to it
    private final Engine engine;
    private final ConsoleFeature console;
    private final HandoffDesk handoffs;
    private StaffGroup staffGroup;    // null without a staff group

    private App(RapportConfig config, Database database, boolean ownsDatabase) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.live = new LiveFeed(database::openDedicatedConnection, metrics);

        var customers = new Customers();
        var outreach = new OutreachQueue();
        List<Action> actions = new ArrayList<>(ConsentActions.all(customers));
        List<Job> jobs = new ArrayList<>();
        List<ApiRoute> apiRoutes = new ArrayList<>();
        // Features add the message keys their actions say; start-up checks each is in every language.
        Set<String> messageKeys = new HashSet<>(Engine.MESSAGE_KEYS);
        // Flows features build from their own files (surveys), checked with the flow files, and what is wrong in those files.
        List<Flow> builtFlows = new ArrayList<>();
        List<FlowProblem> builtProblems = new ArrayList<>();

        // Features: each adds its actions, jobs, API routes and message keys. Their settings files sit
        // next to rapport.yaml; a missing file means the feature's defaults.
        var clock = Clock.systemUTC();
        var surveys = SurveyFeature.load(config.conversationsDir(), config.featureFile("surveys.yaml"));
        actions.addAll(surveys.actions());
        jobs.add(surveys.expiryJob(database.jdbi()));
        messageKeys.addAll(surveys.messageKeys());
        builtFlows.addAll(surveys.flows());
        builtProblems.addAll(surveys.problems());

        var complaints = ComplaintsConfig.load(config.featureFile("complaints.yaml"));
        actions.addAll(Complaints.actions(complaints, config.timeZone()));
        messageKeys.addAll(Complaints.MESSAGE_KEYS);

        // Customers and tiers: deep-link linking, the purchases API, the nightly tier recomputation.
        var customerSettings = CustomerSettings.load(config.featureFile("tiers.yaml"));
        actions.add(new LinkAction(new LinkTokens(customerSettings.linkValidity(), clock)));
        jobs.add(new Tiers(database.jdbi(), customerSettings, clock).job(config.timeZone()));
        apiRoutes.add(new PurchaseApi(database.jdbi(), config.timeZone()).route());
        messageKeys.addAll(Customers.MESSAGE_KEYS);

        var offers = OfferFeature.create(config.featureFile("offers.yaml"), database.jdbi(), outreach,
                config.timeZone(), clock);
        actions.addAll(offers.actions());
        jobs.addAll(offers.jobs());
        apiRoutes.addAll(offers.apiRoutes());
        messageKeys.addAll(offers.messageKeys());

        var winback = WinbackFeature.create(config.featureFile("winback.yaml"), database.jdbi(), offers.offers(),
                outreach, config.timeZone(), clock);
        actions.addAll(winback.actions());
        jobs.addAll(winback.jobs());
        messageKeys.addAll(winback.messageKeys());

        var handoff = HandoffFeature.load(config.featureFile("handoff.yaml"), config.timeZone());
        actions.addAll(handoff.actions());
        messageKeys.addAll(handoff.messageKeys());
        boolean withStaffGroup = config.telegram().enabled() && config.telegram().staffGroup().enabled();
        if (withStaffGroup) {
            messageKeys.addAll(StaffGroup.MESSAGE_KEYS);
        }

        Conversations conversations = FlowLoader.load(config.conversationsDir(), Engine.actionNames(actions),
                messageKeys, builtFlows, builtProblems);
        ConfigLoads.record(database.jdbi(), config, conversations);
        Interpreter interpreter = new NluInterpreter(
                Nlu.load(config.conversationsDir().resolve("nlu"), config.dataDir().resolve("nlu")));
        var handing = handoff.start(database.jdbi(), conversations.messages(), outreach, () -> this.sender.wake(),
                config.businessName(), clock);
        this.handoffs = handing.desk();
        jobs.addAll(handing.jobs());
        var port = handing.port();
        if (withStaffGroup) {
            var complaintDesk = new dev.rapport.complaint.ComplaintDesk(database.jdbi(), outreach);
            this.staffGroup = new StaffGroup(config.telegram(), database.jdbi(), handoffs, conversations.messages(),
                    (ticket, note, staff) -> complaintDesk.resolve(ticket, note, staff.name()), () -> this.sender.wake());
            port = staffGroup.port(port);
        }
        jobs.addAll(Complaints.jobs(database.jdbi(), complaints, outreach, port));
        this.engine = new Engine(conversations, actions, customers, interpreter, config.inbox().stepLimit(),
                config.businessName(), port);

        // Intake wakes the workers and the workers wake the sender; both are built below, and the
        // lambdas read the fields only once updates flow, after start().
        this.intake = new Intake(database.jdbi(), 2, () -> this.workers.wake());
        this.webchat = new WebchatRoutes(intake, database.jdbi(), live, config.webchat(), metrics);
        List<ChannelSender> senders = new ArrayList<>(List.of(webchat.sender()));
        List<UpdateDecoder> decoders = new ArrayList<>(List.of(new WebchatDecoder()));
        if (config.telegram().enabled()) {
            this.telegram = new TelegramSender(config.telegram(), config.outbox().senders());
            senders.add(telegram);
            decoders.add(new TelegramDecoder());
        }
        if (staffGroup != null) {
            senders.add(staffGroup.sender());
            decoders.add(new StaffGroupDecoder());
        }
        StaffGroup group = staffGroup;
        dev.rapport.inbox.TurnHandler turns = group == null ? engine::handle
                : (handle, message, inboxId) -> {
                    // The staff group's updates are staff at work, never a customer: they skip the engine.
                    if (StaffGroupDecoder.CHANNEL.equals(message.channel())) {
                        group.handle(handle, message, inboxId);
                    } else {
                        engine.handle(handle, message, inboxId);
                        group.afterCustomerTurn(handle, message, inboxId);
                    }
                };
        this.sender = new OutboxSender(database.jdbi(), senders, config.outbox(), metrics);
        this.workers = new InboxWorkers(database.jdbi(), config.inbox(), decoders, turns, () -> this.sender.wake(),
                metrics);
        TelegramWebhook webhook = config.telegram().enabled()
                ? new TelegramWebhook(config.telegram().webhookSecret(), config.intake().maxBodyBytes(), intake, metrics,
                        withStaffGroup ? config.telegram().staffGroup().groupId() : "")
                : null;
        // Staff accounts and the console: pages behind the route table's session, role and CSRF checks.
        var staffSessions = new StaffSessions(database.jdbi(), clock);
        this.console = new ConsoleFeature(database.jdbi(), new StaffAccounts(database.jdbi(), clock), staffSessions,
                new ComplaintDesk(database.jdbi(), outreach), handoffs, config.conversationsDir(), config.timeZone(), live,
                metrics);
        List<PageRoute> pages = new ArrayList<>(console.pages());
        pages.addAll(new DashboardFeature(database.jdbi(), config.timeZone(), clock).pages());
        this.web = new WebServer(config.port(), webhook, webchat, database, metrics, config.apiToken(), apiRoutes,
                staffSessions, pages);
        this.jobs = new Jobs(database.dataSource(), jobs, java.time.Duration.ofSeconds(10));
    }

    /** Opens the configured database (embedded when none is set), migrates it and starts everything. */
    public static App start(RapportConfig config) {
        Database database = Database.openMigrated(config, poolSize(config));
        List<DemoData.Persona> personas;
        List<DemoStaff.Account> demoStaff;
        try {
            personas = config.demoData() ? DemoData.prepare(database.jdbi(),
                    CustomerSettings.load(config.featureFile("tiers.yaml")), config.timeZone()) : List.of();
            demoStaff = config.demoData() ? DemoStaff.prepare(database.jdbi()) : List.of();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        App app = start(config, database, true);
        for (DemoData.Persona persona : personas) {
            log.info("Try the web chat as {}, {} ({} tier): http://localhost:{}/chat?start={}", persona.description(),
                    persona.name(), persona.tier(), app.port(), persona.token());
        }
        for (DemoStaff.Account account : demoStaff) {
            log.info("Try the staff console as {} {}: http://localhost:{}/console (password {}, new at every start)",
                    account.role().code(), account.name(), app.port(), account.password());
        }
        return app;
    }

    /** Starts on an open, migrated database; {@code ownsDatabase} closes it with the app. */
    public static App start(RapportConfig config, Database database, boolean ownsDatabase) {
        App app;
        try {
            app = new App(config, database, ownsDatabase);
        } catch (RuntimeException e) {
            if (ownsDatabase) {
                database.close();   // an embedded PostgreSQL left running would block the next start
            }
            throw e;
        }
        try {
            app.live.start();
            if (app.staffGroup != null) {
                app.staffGroup.start(app.live);
            }
            app.sender.start();
            app.workers.start();
            app.jobs.start();
            app.web.start();
        } catch (RuntimeException e) {
            app.close();   // a port already in use, say: stop the threads already started
            throw e;
        }
        log.info("Rapport is listening on port {}; web chat at http://localhost:{}/chat", app.port(), app.port());
        return app;
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

    /** Runs a scheduled job now, on the calling thread (tests, and operators via the CLI). */
    public void runJob(String name) {
        jobs.runNow(name);
    }

    @Override
    public void close() {
        log.info("Stopping: no new updates; finishing turns in flight");
        webchat.close();   // open browser streams would hold the web server's graceful stop
        console.close();
        web.close();
        live.close();
        intake.close();
        jobs.close();
        workers.close();
        sender.close();
        if (staffGroup != null) {
            staffGroup.close();
        }
        if (telegram != null) {
            telegram.close();   // its HTTP client's threads and connections
        }
        if (ownsDatabase) {
            database.close();
        }
        log.info("Stopped");
    }
}
