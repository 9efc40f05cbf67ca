package dev.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.domain.Language;
import dev.rapport.staff.LoginResult;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DemoStaffIT {

    @Test
    void theDemoAgentAndManagerGetNewPasswordsAtEachStartAndRealAccountsAreLeftAlone() {
        try (Database database = TestDatabase.fresh()) {
            var accounts = new StaffAccounts(database.jdbi(), Clock.systemUTC());
            var first = DemoStaff.prepare(database.jdbi());
            assertThat(first).extracting(DemoStaff.Account::name).containsExactly("demo-agent", "demo-manager");
            assertThat(first).extracting(DemoStaff.Account::role).containsExactly(Role.AGENT, Role.MANAGER);
            var again = DemoStaff.prepare(database.jdbi());
            assertThat(again.get(0).password()).isNotEqualTo(first.get(0).password());
            assertThat(accounts.login("demo-agent", first.get(0).password().toCharArray()))
                    .isInstanceOf(LoginResult.Refused.class);
            assertThat(accounts.login("demo-agent", again.get(0).password().toCharArray()))
                    .isInstanceOf(LoginResult.SignedIn.class);

            try (Database other = TestDatabase.fresh()) {
                new StaffAccounts(other.jdbi(), Clock.systemUTC())
                        .add("demo-manager", Role.ADMIN, "a real person's password".toCharArray(), Language.EN);
                assertThat(DemoStaff.prepare(other.jdbi()))
                        .extracting(DemoStaff.Account::name)
                        .containsExactly("demo-agent");
            }
        }
    }
}
