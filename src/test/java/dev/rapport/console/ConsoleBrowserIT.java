package dev.rapport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.domain.Language;
import dev.rapport.it.RunningRapport;
import dev.rapport.it.TelegramChat;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The staff console in a real browser (headless Chromium), against Rapport and the fake Bot API. */
class ConsoleBrowserIT {

    static final String PASSWORD = "correct horse battery";
    static RunningRapport rapport;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = Chrome.start();
        rapport = RunningRapport.start();
        new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC())
                .add("alice", Role.AGENT, PASSWORD.toCharArray(), Language.EN);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (rapport != null) {
            rapport.close();
        }
    }

    static WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    static void signIn(String name) {
        browser.get(rapport.url("/console"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("name")));
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
    }

    @Test
    void anAgentResolvesATicketFromTheCustomerPanelAndTheCustomerGetsTheNoteAndTheSurvey() {
        var chat = new TelegramChat(rapport, 9301, "en");
        String ticket = chat.complain("The kettle leaks from the bottom", "product");
        signIn("alice");

        browser.findElement(By.cssSelector("#waiting-tickets a[href*='#ticket-" + ticket + "']")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "kettle leaks"));
        browser.findElement(By.cssSelector("#ticket-" + ticket + " button.take")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-" + ticket), "in progress"));

        int before = chat.texts().size();
        browser.findElement(By.cssSelector("#ticket-" + ticket + " textarea[name=note]"))
                .sendKeys("A new kettle is on its way; keep the old one.");
        browser.findElement(By.cssSelector("#ticket-" + ticket + " form.resolve button")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-" + ticket), "resolved"));
        assertThat(String.join("\n", chat.expect(before, 1))).contains("A new kettle is on its way").contains(ticket);

        rapport.database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE complaints SET resolved_at = now() - interval '61 minutes' WHERE ticket = ?", ticket));
        int asked = chat.texts().size();
        rapport.runJob("complaint.followup");
        assertThat(chat.expect(asked, 1)).isNotEmpty();
        assertThat(rapport.count("SELECT count(*) FROM audit_log WHERE actor = 'staff:alice' AND action = "
                + "'ticket.resolve' AND details ->> 'ticket' = ?", ticket)).isEqualTo(1);
        assertThat(rapport.count("SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id "
                + "WHERE c.ticket = ? AND e.actor = 'staff:alice'", ticket)).isEqualTo(2);
    }
}
