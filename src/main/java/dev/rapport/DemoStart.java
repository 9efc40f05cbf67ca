package dev.rapport;

import dev.rapport.config.RapportConfig;
import dev.rapport.customer.CustomerSettings;
import dev.rapport.demo.DemoData;
import dev.rapport.demo.DemoStaff;
import dev.rapport.staff.Role;
import dev.rapport.store.Database;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The first-run demo shop on a fresh start ({@code demo_data}): its customers are seeded before the
 * app starts (a first start only; a restart finds them there), while the links to try it — personal web
 * chat links and the staff accounts' new passwords, whose hashing is deliberately slow — are made once
 * the app is ready, on a thread of their own, so they take no time from the start, and then logged.
 *
 * @param links makes the links (a few queries and two password hashes); called once
 */
record DemoStart(Supplier<Links> links) {

    /** Ways in to the demo shop. */
    record Links(List<DemoData.Persona> personas, List<DemoStaff.Account> staff) {

        /** Logs where to try the web chat as each persona and the console as each account. */
        void log(Logger log, int port) {
            for (DemoData.Persona persona : personas) {
                log.info(
                        "Try the web chat as {}, {} ({} tier): http://localhost:{}/chat?start={}",
                        persona.description(),
                        persona.name(),
                        persona.tier(),
                        port,
                        persona.token());
            }
            for (DemoStaff.Account account : staff) {
                String pages = account.role() == Role.AGENT
                        ? "http://localhost:" + port + "/console"
                        : "http://localhost:" + port + "/console and the dashboard at http://localhost:" + port
                                + "/dashboard";
                log.info(
                        "Try the staff console as {} {}: {} (password {}, new at every start)",
                        account.role().code(),
                        account.name(),
                        pages,
                        account.password());
            }
        }
    }

    /** Seeds the demo shop when {@code demo_data} says so; nothing otherwise. */
    static DemoStart prepare(RapportConfig config, Database database) {
        if (!config.demoData()) {
            return new DemoStart(() -> new Links(List.of(), List.of()));
        }
        var settings = CustomerSettings.load(config.featureFile("tiers.yaml"));
        boolean shop = DemoData.seedIfEmpty(database.jdbi(), settings, config.timeZone());
        return new DemoStart(() -> new Links(
                shop ? DemoData.personas(database.jdbi(), settings) : List.of(), DemoStaff.prepare(database.jdbi())));
    }

    /**
     * Once {@code ready} completes, makes the links on a daemon thread and logs them; nothing when it
     * fails (the instance then stops). A stop meanwhile just fails the thread's transactions.
     */
    void logOnceReady(Logger log, int port, CompletableFuture<Void> ready) {
        ready.thenRun(() -> {
            Thread thread = new Thread(
                    () -> {
                        try {
                            links.get().log(log, port);
                        } catch (RuntimeException e) {
                            log.warn("Could not make the demo shop's links and passwords: {}", e.toString());
                        }
                    },
                    "demo-links");
            thread.setDaemon(true);
            thread.start();
        });
    }
}
