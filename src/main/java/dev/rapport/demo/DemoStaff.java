package dev.rapport.demo;

import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo shop's console accounts: an agent and a manager, so a newcomer can sign in to the staff
 * console in the first minute. Each start gives them new random passwords (only hashes are stored,
 * so the passwords can be printed only when they are made). An account of the same name that was not
 * made by the demo is left alone. Stateless; thread-safe.
 */
public final class DemoStaff {

    /** A demo account to sign in with. */
    public record Account(String name, Role role, String password) {}

    private DemoStaff() {}

    public static List<Account> prepare(Jdbi jdbi) {
        var accounts = new StaffAccounts(jdbi, Clock.systemUTC());
        List<Account> ready = new ArrayList<>();
        accounts.resetDemo("demo-agent", Role.AGENT)
                .ifPresent(password -> ready.add(new Account("demo-agent", Role.AGENT, password)));
        accounts.resetDemo("demo-manager", Role.MANAGER)
                .ifPresent(password -> ready.add(new Account("demo-manager", Role.MANAGER, password)));
        return ready;
    }
}
