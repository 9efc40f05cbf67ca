package dev.rapport.cli;

import dev.rapport.channel.telegram.TelegramWebhookAdmin;
import dev.rapport.config.ConfigException;
import dev.rapport.config.RapportConfig;
import dev.rapport.customer.AuditLog;
import dev.rapport.customer.CustomerSettings;
import dev.rapport.customer.LinkTokens;
import dev.rapport.customer.PhoneNumbers;
import dev.rapport.customer.importing.Imports;
import dev.rapport.customer.privacy.CustomerErasure;
import dev.rapport.customer.privacy.CustomerExport;
import dev.rapport.store.Database;
import dev.rapport.store.Json;
import dev.rapport.store.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "customers",
        description = "Imports customers, links chats to them, exports or erases a customer's data.",
        subcommands = {
            CustomersCommand.Import.class,
            CustomersCommand.Link.class,
            CustomersCommand.Export.class,
            CustomersCommand.Erase.class
        })
final class CustomersCommand {

    @Command(
            name = "import",
            description = "Imports (upserts on external_id) customers from a CSV file: "
                    + "external_id,name,phone,email,language,time_zone. Exit code 1 when some rows were rejected.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        CustomerCommands.TiersConfigOption tiers;

        @Mixin
        CustomerCommands.ByOption by;

        @Mixin
        LangOption lang;

        @Option(names = "--progress", description = "Draw a progress bar on stderr even when it is not a terminal.")
        boolean progress;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            var rapport = config.load();
            CustomerSettings settings = tiers.load(rapport);
            Labels labels = lang.labels();
            try (var database = Database.openMigrated(rapport, 4)) {
                var report = new Imports(database.jdbi())
                        .customers(
                                file,
                                new PhoneNumbers(settings.defaultCountryCode()),
                                CustomerCommands.progress(file, progress),
                                AuditLog.actor(by.by));
                return CustomerCommands.print(report, System.out, labels);
            } catch (Imports.BadFile e) {
                System.err.println(labels.get(
                        "customers.import.nothing", e.file(), e.problem().describe(labels)));
                return 2;
            }
        }
    }

    @Command(
            name = "link",
            description = "Prints a personal deep link (https://t.me/<bot>?start=<token>) that links "
                    + "the chat opening it to the customer. It works once and expires (customers.link_valid_hours).")
    static final class Link implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        CustomerCommands.TiersConfigOption tiers;

        @Mixin
        CustomerCommands.ByOption by;

        @Mixin
        LangOption lang;

        @Parameters(paramLabel = "CUSTOMER", description = "The shop's external id, or Rapport's customer id.")
        String customer;

        @Override
        public Integer call() {
            RapportConfig settings = config.load();
            CustomerSettings customerSettings = tiers.load(settings);
            Labels labels = lang.labels();
            String bot = botUsername(settings, customerSettings, labels);
            var tokens = new LinkTokens(customerSettings.linkValidity(), Clock.systemUTC());
            try (var database = Database.openMigrated(settings, 4)) {
                String token = database.jdbi().inTransaction(handle -> {
                    long id = CustomerCommands.customer(handle, customer, labels);
                    String created = tokens.create(handle, id);
                    AuditLog.record(
                            handle,
                            AuditLog.actor(by.by),
                            "customers.link",
                            id,
                            Map.of(
                                    "valid_hours",
                                    customerSettings.linkValidity().toHours()));
                    return created;
                });
                System.out.println(LinkTokens.deepLink(bot, token));
                System.err.println(labels.get(
                        "customers.link.valid", customerSettings.linkValidity().toHours()));
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }

        private static String botUsername(RapportConfig settings, CustomerSettings customerSettings, Labels labels) {
            if (!customerSettings.botUsername().isEmpty()) {
                return customerSettings.botUsername();
            }
            if (!settings.telegram().enabled()) {
                throw new ConfigException(labels.get("customers.link.no_bot"));
            }
            try (var telegram = new TelegramWebhookAdmin(settings.telegram())) {
                return telegram.botUsername();
            }
        }
    }

    @Command(name = "export", description = "Writes everything Rapport holds about a customer as JSON (audited).")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        CustomerCommands.ByOption by;

        @Mixin
        LangOption lang;

        @Option(
                names = {"-o", "--output"},
                description = "Write to this file instead of stdout.")
        Path output;

        @Parameters(paramLabel = "CUSTOMER", description = "The shop's external id, or Rapport's customer id.")
        String customer;

        @Override
        public Integer call() throws Exception {
            Labels labels = lang.labels();
            try (var database = Database.openMigrated(config.load(), 4)) {
                long id = database.jdbi().withHandle(handle -> CustomerCommands.customer(handle, customer, labels));
                var document = new CustomerExport(database.jdbi()).export(id, AuditLog.actor(by.by));
                var writer = Json.mapper().writerWithDefaultPrettyPrinter();
                if (output == null) {
                    System.out.println(writer.writeValueAsString(document));
                } else {
                    Files.writeString(output, writer.writeValueAsString(document));
                    System.err.println(labels.get("customers.export.written", id, output));
                }
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Command(
            name = "erase",
            description = "Removes a customer's personal data and message texts, keeping anonymous "
                    + "counts for reports (audited). Cannot be undone.")
    static final class Erase implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        CustomerCommands.ByOption by;

        @Mixin
        LangOption lang;

        @Option(names = "--yes", description = "Confirm: erasing cannot be undone.")
        boolean yes;

        @Parameters(paramLabel = "CUSTOMER", description = "The shop's external id, or Rapport's customer id.")
        String customer;

        @Override
        public Integer call() {
            Labels labels = lang.labels();
            if (!yes) {
                System.err.println(labels.get("customers.erase.confirm", customer));
                return 2;
            }
            try (var database = Database.openMigrated(config.load(), 4)) {
                long id = database.jdbi().withHandle(handle -> CustomerCommands.customer(handle, customer, labels));
                var erased = new CustomerErasure(database.jdbi()).erase(id, AuditLog.actor(by.by));
                System.out.println(
                        labels.get("customers.erase.done", id, erased.chats(), erased.messages(), erased.events()));
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }
}
