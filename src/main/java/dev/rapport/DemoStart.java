package dev.rapport;

import dev.rapport.config.RapportConfig;
import dev.rapport.customer.CustomerSettings;
import dev.rapport.demo.DemoData;
import dev.rapport.demo.DemoStaff;
import dev.rapport.staff.Role;
import dev.rapport.store.Database;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;

/**
 * The first-run demo shop on a fresh start ({@code demo_data}): its customers are seeded before the
 * app starts (a first start only; a restart finds them there), while the links to try it — personal web
 * chat links and the staff accounts' new passwords, whose hashing is deliberately slow — are made on a
 * thread of their own, alongside the rest of the start, and logged once the app listens.
 *
 * @param links completes with the links to log; fails when they could not be made (the shop still runs)
 */
record DemoStart(CompletableFuture<Links> links) {

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

    /** Seeds the demo shop when {@code demo_data} says so and starts making its links; nothing otherwise. */
    static DemoStart prepare(RapportConfig config, Database database) {
        if (!config.demoData()) {
            return new DemoStart(CompletableFuture.completedFuture(new Links(List.of(), List.of())));
        }
        var settings = CustomerSettings.load(config.featureFile("tiers.yaml"));
        boolean shop = DemoData.seedIfEmpty(database.jdbi(), settings, config.timeZone());
        var links = new CompletableFuture<Links>();
        Thread thread = new Thread(
                () -> {
                    try {
                        links.complete(new Links(
                                shop ? DemoData.personas(database.jdbi(), settings) : List.of(),
                                DemoStaff.prepare(database.jdbi())));
                    } catch (RuntimeException | Error e) {
                        links.completeExceptionally(e);
                    }
                },
                "demo-links");
        thread.setDaemon(true); // a stop does not wait for it; its transactions then just fail
        thread.start();
        return new DemoStart(links);
    }

    /** Logs the links on {@code log} once they are made (at once when they are). */
    void logWhenMade(Logger log, int port) {
        links.whenComplete((made, failure) -> {
            if (failure != null) {
                log.warn("Could not make the demo shop's links and passwords: {}", failure.toString());
            } else {
                made.log(log, port);
            }
        });
    }
}
