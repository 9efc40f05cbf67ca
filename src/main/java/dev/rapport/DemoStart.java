package dev.rapport;

import dev.rapport.config.RapportConfig;
import dev.rapport.customer.CustomerSettings;
import dev.rapport.demo.DemoData;
import dev.rapport.demo.DemoStaff;
import dev.rapport.staff.Role;
import dev.rapport.store.Database;
import java.util.List;
import org.slf4j.Logger;

/**
 * The first-run demo shop on a fresh start ({@code demo_data}): its customers and staff accounts are
 * prepared before the app starts, and the links to try them are logged once it listens.
 */
record DemoStart(List<DemoData.Persona> personas, List<DemoStaff.Account> staff) {

    /** Seeds the demo shop when {@code demo_data} says so; nothing otherwise. */
    static DemoStart prepare(RapportConfig config, Database database) {
        if (!config.demoData()) {
            return new DemoStart(List.of(), List.of());
        }
        return new DemoStart(
                DemoData.prepare(
                        database.jdbi(), CustomerSettings.load(config.featureFile("tiers.yaml")), config.timeZone()),
                DemoStaff.prepare(database.jdbi()));
    }

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
