package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.domain.Language;
import dev.rapport.staff.AuditLog;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.staff.StaffMember;
import dev.rapport.staffgroup.StaffLinks;
import dev.rapport.store.Database;
import dev.rapport.store.Labels;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code staff add|list|disable}: the accounts that sign in to the staff console. A password is
 * never a command-line argument (it would sit in the shell history and the process list): it comes
 * from {@value #PASSWORD_VARIABLE} or is typed twice at a prompt that does not echo.
 */
@Command(
        name = "staff",
        description =
                "Staff accounts for the console: add, list, disable; link a Telegram account " + "for the staff group.",
        subcommands = {
            StaffCommand.Add.class,
            StaffCommand.ListAccounts.class,
            StaffCommand.Disable.class,
            StaffCommand.LinkTelegram.class,
            StaffCommand.UnlinkTelegram.class,
            StaffCommand.TelegramCode.class
        })
final class StaffCommand {

    static final String PASSWORD_VARIABLE = "RAPPORT_STAFF_PASSWORD";

    @Command(
            name = "add",
            description = "Adds a staff account. The password comes from the environment variable " + PASSWORD_VARIABLE
                    + " or is asked for (typed twice, not shown).")
    static final class Add extends DatabaseCommand {
        @Option(names = "--role", required = true, description = "agent, manager or admin.")
        String role;

        @Option(
                names = "--language",
                defaultValue = "en",
                description = "The console's language: en or zh (default: en).")
        String language;

        @Parameters(paramLabel = "NAME", description = "The name to sign in with: letters, digits, '.', '_' or '-'.")
        String name;

        /** Where the environment is read; tests give their own. */
        Function<String, String> environment = System::getenv;

        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            Role parsedRole = Role.of(role);
            Language parsedLanguage = Language.of(language);
            var labels = labels();
            char[] password = password(err, labels);
            if (password == null) {
                return 2;
            }
            try {
                StaffMember member = new StaffAccounts(database.jdbi(), Clock.systemUTC())
                        .add(name, parsedRole, password, parsedLanguage);
                out.println(labels.get("staff.added", member.role().code(), member.name()));
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private char[] password(PrintWriter err, Labels labels) {
            String given = environment.apply(PASSWORD_VARIABLE);
            if (given != null && !given.isEmpty()) {
                return given.toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                err.println(labels.get("staff.no_password", PASSWORD_VARIABLE));
                return null;
            }
            char[] first = console.readPassword("%s", labels.get("staff.password_prompt", name));
            char[] second = console.readPassword("%s", labels.get("staff.password_again"));
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println(labels.get("staff.passwords_differ"));
                return null;
            }
            Arrays.fill(second, '\0');
            return first;
        }
    }

    @Command(name = "list", description = "Lists the staff accounts: role, language, state, last sign-in.")
    static final class ListAccounts extends DatabaseCommand {
        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            var members = new StaffAccounts(database.jdbi(), Clock.systemUTC()).list();
            var labels = labels();
            var table = dev.rapport.store.TextTable.of(
                    labels.get("staff.name"),
                    labels.get("staff.role"),
                    labels.get("staff.language"),
                    labels.get("staff.state"),
                    labels.get("staff.last_sign_in"));
            for (StaffMember member : members) {
                String state = member.disabled()
                        ? "disabled"
                        : member.lockedUntil() != null && member.lockedUntil().isAfter(java.time.Instant.now())
                                ? "locked"
                                : "active";
                table.row(
                        member.name(),
                        member.role().code(),
                        member.language().code(),
                        labels.get("staff.state." + state),
                        member.lastLoginAt() == null
                                ? labels.get("staff.never")
                                : member.lastLoginAt().toString());
            }
            table.print(out);
            if (members.isEmpty()) {
                out.println(labels.get("staff.none"));
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Disables an account: it can no longer sign in and its sessions end.")
    static final class Disable extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            var labels = labels();
            if (!new StaffAccounts(database.jdbi(), Clock.systemUTC()).disable(name)) {
                err.println(labels.get("staff.unknown", name));
                return 1;
            }
            out.println(labels.get("staff.disabled_everywhere", name));
            return 0;
        }
    }

    private static java.util.Optional<StaffMember> member(
            Database database, String name, PrintWriter err, Labels labels) {
        var member = new StaffAccounts(database.jdbi(), Clock.systemUTC()).find(name);
        if (member.isEmpty()) {
            err.println(labels.get("staff.unknown", name));
        }
        return member;
    }

    @Command(
            name = "link-telegram",
            description = "Links a Telegram user to a staff account: in the staff group "
                    + "(TELEGRAM_STAFF_GROUP_ID) that user then answers customers as this staff member. The user id is a "
                    + "number; the group's 'not linked' notice shows it.")
    static final class LinkTelegram extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "TELEGRAM_USER_ID")
        long telegramUserId;

        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            var labels = labels();
            var member = member(database, name, err, labels);
            if (member.isEmpty()) {
                return 1;
            }
            new StaffLinks(database.jdbi()).link(member.get().ref(), telegramUserId);
            new AuditLog(database.jdbi())
                    .record(
                            member.get().ref(),
                            "staff.link_telegram",
                            null,
                            java.util.Map.of("telegram_user_id", telegramUserId, "via", "cli"));
            out.println(labels.get(
                    "staff.telegram_linked", telegramUserId, member.get().name()));
            return 0;
        }
    }

    @Command(name = "unlink-telegram", description = "Removes the staff account's Telegram link.")
    static final class UnlinkTelegram extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            var labels = labels();
            var member = member(database, name, err, labels);
            if (member.isEmpty()) {
                return 1;
            }
            boolean removed =
                    new StaffLinks(database.jdbi()).unlink(member.get().id());
            out.println(labels.get(
                    removed ? "staff.telegram_unlinked" : "staff.telegram_not_linked",
                    member.get().name()));
            return 0;
        }
    }

    @Command(
            name = "telegram-code",
            description = "Prints a one-time code (valid 15 minutes): the staff member sends "
                    + "/link CODE in the staff group to link the Telegram account they send it from.")
    static final class TelegramCode extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            var labels = labels();
            var member = member(database, name, err, labels);
            if (member.isEmpty()) {
                return 1;
            }
            String code = new StaffLinks(database.jdbi()).issueCode(member.get().id());
            out.println(labels.get("staff.telegram_code", StaffLinks.CODE_VALIDITY.toMinutes(), code));
            return 0;
        }
    }
}
