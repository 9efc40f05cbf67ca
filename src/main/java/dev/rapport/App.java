package dev.rapport;

import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.telegram.TelegramDecoder;
import dev.rapport.channel.telegram.TelegramSender;
import dev.rapport.channel.telegram.TelegramWebhook;
import dev.rapport.channel.webchat.WebchatDecoder;
import dev.rapport.channel.webchat.WebchatRoutes;
import dev.rapport.complaint.ComplaintFeature;
import dev.rapport.config.RapportConfig;
import dev.rapport.customer.CustomerSettings;
import dev.rapport.customer.Customers;
import dev.rapport.customer.registration.CustomerFeature;
import dev.rapport.demo.DemoData;
import dev.rapport.engine.Engine;
import dev.rapport.engine.Interpreter;
import dev.rapport.engine.NluInterpreter;
import dev.rapport.engine.Outreach;
import dev.rapport.feature.Feature;
import dev.rapport.flow.Conversations;
import dev.rapport.inbox.InboxWorkers;
import dev.rapport.inbox.Intake;
import dev.rapport.inbox.OutreachQueue;
import dev.rapport.inbox.UpdateDecoder;
import dev.rapport.nlu.Nlu;
import dev.rapport.offer.OfferFeature;
import dev.rapport.outbox.OutboxSender;
import dev.rapport.schedule.Jobs;
import dev.rapport.store.Database;
import dev.rapport.survey.SurveyFeature;
import dev.rapport.web.WebServer;
import dev.rapport.winback.WinbackFeature;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
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

    private App(RapportConfig config, Database database, boolean ownsDatabase, Clock clock) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        var customers = new Customers();
        var outreach = new OutreachQueue();
        var parts = FeatureParts.of(features(config, database.jdbi(), customers, outreach, clock));
        Conversations conversations = parts.conversations(config.conversationsDir());
        ConfigLoads.record(database.jdbi(), config, conversations);
        Interpreter interpreter = new NluInterpreter(
                Nlu.load(config.conversationsDir().resolve("nlu"), config.dataDir().resolve("nlu")));
        var engine = new Engine(conversations, parts.actions(), customers, interpreter, config.inbox().stepLimit(),
                config.businessName(), clock);

        // Intake wakes the workers and the workers wake the sender; both are built below, and the
        // lambdas read the fields only once updates flow, after start().
        this.intake = new Intake(database.jdbi(), 2, () -> this.workers.wake());
        this.webchat = new WebchatRoutes(intake, database.jdbi());
        List<ChannelSender> senders = new ArrayList<>(List.of(webchat.sender()));
        List<UpdateDecoder> decoders = new ArrayList<>(List.of(new WebchatDecoder()));
        if (config.telegram().enabled()) {
            this.telegram = new TelegramSender(config.telegram(), config.outbox().senders());
            senders.add(telegram);
            decoders.add(new TelegramDecoder());
        }
        this.sender = new OutboxSender(database.jdbi(), senders, config.outbox(), metrics);
        this.workers = new InboxWorkers(database.jdbi(), config.inbox(), decoders, engine::handle, () -> this.sender.wake(),
                metrics);
        TelegramWebhook webhook = config.telegram().enabled()
                ? new TelegramWebhook(config.telegram().webhookSecret(), config.intake().maxBodyBytes(), intake, metrics)
                : null;
        this.web = new WebServer(config.port(), webhook, webchat, database, metrics, config.apiToken(), parts.apiRoutes());
        this.jobs = new Jobs(database.dataSource(), parts.jobs(), java.time.Duration.ofSeconds(10));
    }

    /**
     * The product's features, built from their settings files next to {@code rapport.yaml} (a missing
     * file means the feature's defaults; a wrong value stops the start naming file, field and value).
     * {@code App} hands each part to its owner; tests load the shipped flows against exactly these.
     */
    public static List<Feature> features(RapportConfig config, Jdbi jdbi, Customers customers, Outreach outreach,
                                         Clock clock) {
        ZoneId zone = config.timeZone();
        var offers = OfferFeature.create(config.featureFile("offers.yaml"), jdbi, outreach, zone, clock);
        return List.of(
                CustomerFeature.create(config.featureFile("tiers.yaml"), customers, jdbi, zone, clock),
                SurveyFeature.load(config.conversationsDir(), config.featureFile("surveys.yaml"), jdbi, clock),
                ComplaintFeature.create(config.featureFile("complaints.yaml"), jdbi, outreach, zone),
                offers,
                WinbackFeature.create(config.featureFile("winback.yaml"), jdbi, offers.offers(), outreach, zone, clock));
    }

    /** Opens the configured database (embedded when none is set), migrates it and starts everything. */
    public static App start(RapportConfig config) {
        Database database = Database.openMigrated(config, poolSize(config));
        List<DemoData.Persona> personas;
        try {
            personas = config.demoData() ? DemoData.prepare(database.jdbi(),
                    CustomerSettings.load(config.featureFile("tiers.yaml")), config.timeZone()) : List.of();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        App app = start(config, database, true);
        for (DemoData.Persona persona : personas) {
            log.info("Try the web chat as {}, {} ({} tier): http://localhost:{}/chat?start={}", persona.description(),
                    persona.name(), persona.tier(), app.port(), persona.token());
        }
        return app;
    }

    /** Starts on an open, migrated database; {@code ownsDatabase} closes it with the app. */
    public static App start(RapportConfig config, Database database, boolean ownsDatabase) {
        return start(config, database, ownsDatabase, Clock.systemUTC());
    }

    /**
     * Starts on an open, migrated database with {@code clock} as every feature's and the engine's
     * idea of now (tests fix it); the database's own {@code now()} still runs on its server's clock.
     */
    public static App start(RapportConfig config, Database database, boolean ownsDatabase, Clock clock) {
        App app;
        try {
            app = new App(config, database, ownsDatabase, clock);
        } catch (RuntimeException e) {
            if (ownsDatabase) {
                database.close();   // an embedded PostgreSQL left running would block the next start
            }
            throw e;
        }
        try {
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

    public Database database() {
        return database;
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
        webchat.close();   // open browser streams would hold the web server's graceful stop
        web.close();
        intake.close();
        jobs.close();
        workers.close();
        sender.close();
        if (telegram != null) {
            telegram.close();   // its HTTP client's threads and connections
        }
        if (ownsDatabase) {
            database.close();
        }
        log.info("Stopped");
    }
}
