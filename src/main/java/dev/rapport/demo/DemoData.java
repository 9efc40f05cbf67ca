package dev.rapport.demo;

import dev.rapport.customer.CustomerSettings;
import dev.rapport.customer.LinkTokens;
import dev.rapport.customer.PhoneNumbers;
import dev.rapport.customer.importing.ImportReport;
import dev.rapport.customer.importing.Imports;
import dev.rapport.customer.importing.Progress;
import dev.rapport.customer.tier.Tiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo shop a first run starts with: a few hundred customers with purchases (imported through
 * the real CSV import, then tiered by the real recomputation), so tiers, offers, win-back and the
 * reports have something to work on. Seeded once, into a database with no imported customers; each
 * start then makes personal web chat links for a few demo customers, so a newcomer can talk to the
 * bot as a key customer or as one who has not bought for months. Stateless; thread-safe.
 */
public final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PREFIX = "DEMO-";

    /** A demo customer to try the web chat as: who they are and the token of their personal link. */
    public record Persona(String name, String tier, String description, String token) {}

    private DemoData() {}

    /** Seeds the demo shop unless customers were imported before; returns links to try it with. */
    public static List<Persona> prepare(Jdbi jdbi, CustomerSettings settings, ZoneId businessZone) {
        return seedIfEmpty(jdbi, settings, businessZone) ? personas(jdbi, settings) : List.of();
    }

    /**
     * Seeds the demo shop unless customers were imported before.
     *
     * @return whether the database has the demo shop's customers (seeded now or before)
     */
    public static boolean seedIfEmpty(Jdbi jdbi, CustomerSettings settings, ZoneId businessZone) {
        boolean empty = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT NOT EXISTS (SELECT 1 FROM customers WHERE external_id IS NOT NULL)")
                .mapTo(Boolean.class)
                .one());
        if (empty) {
            seed(jdbi, settings, businessZone);
        }
        boolean demo = jdbi.withHandle(
                handle -> handle.createQuery("SELECT EXISTS (SELECT 1 FROM customers WHERE external_id LIKE 'DEMO-%')")
                        .mapTo(Boolean.class)
                        .one());
        return demo;
    }

    /** New personal web chat links for a few demo customers (of a database with the demo shop). */
    public static List<Persona> personas(Jdbi jdbi, CustomerSettings settings) {
        return Personas.pick(jdbi, new LinkTokens(settings.linkValidity(), Clock.systemUTC()));
    }

    private static void seed(Jdbi jdbi, CustomerSettings settings, ZoneId businessZone) {
        var shop = DemoShop.generate(java.time.LocalDate.now(businessZone));
        Path directory = null;
        try {
            directory = Files.createTempDirectory("rapport-demo");
            Path customers = Files.writeString(directory.resolve("customers.csv"), shop.customersCsv());
            Path purchases = Files.writeString(directory.resolve("purchases.csv"), shop.purchasesCsv());
            var imports = new Imports(jdbi);
            ImportReport people = imports.customers(
                    customers, new PhoneNumbers(settings.defaultCountryCode()), Progress.NONE, "demo");
            ImportReport bought = imports.purchases(purchases, businessZone, Progress.NONE, "demo");
            var tiers = new Tiers(jdbi, settings, Clock.systemUTC()).recompute();
            DemoHistory.generate(
                    jdbi, DemoHistory.Size.DEMO); // surveys, complaints, chats: the dashboard is alive at once
            log.info(
                    "Demo shop seeded: {}; {}; {} customers ranked into tiers (data_dir keeps it; set "
                            + "demo_data: off to start without it)",
                    people.summary(),
                    bought.summary(),
                    tiers.ranked());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo shop's files", e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.debug("Could not delete {}", directory, e);
        }
    }
}
