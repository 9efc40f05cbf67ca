package dev.rapport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.browser.Chrome;
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

    /** Clicks an element of a live part of the page, finding it again if it was just re-drawn. */
    static void click(By locator) {
        await().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(locator).click();
                    return true;
                });
    }

    static void signIn(String name) {
        browser.get(rapport.url("/console/login"));
        browser.manage().deleteAllCookies(); // each test starts signed out
        browser.get(rapport.url("/console"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("name")));
        // the shared base stylesheet (/assets/page.css) styles the page: its accent on the button
        assertThat(browser.findElement(By.id("sign-in")).getCssValue("background-color"))
                .isEqualTo("rgba(47, 111, 222, 1)");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
    }

    /** The texts the chat has received, as the fake Bot API recorded them. */
    static String said(long chat) {
        return String.join("\n", rapport.telegram.sentTexts(chat));
    }

    static void awaitSaid(long chat, String words) {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> said(chat).contains(words));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no '" + words + "' in what the chat got:\n" + said(chat), e);
        }
    }

    @Test
    void theAgentJourneyFromALiveHandoffToHandingBack() {
        var chat = new TelegramChat(rapport, 9401, "en");
        String ticket;
        try {
            ticket = chat.complain("The lamp I ordered does not switch on", "product");
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the chat got: " + said(9401), e);
        }
        signIn("alice");
        var page = (org.openqa.selenium.JavascriptExecutor) browser;
        // Records what the page hands to the browser's Notification API (headless Chromium shows none).
        page.executeScript("window.__notified = []; window.Notification = function (text) { __notified.push(text); };"
                + "window.Notification.permission = 'granted'; window.__sameDocument = true;");
        assertThat(browser.findElements(By.cssSelector("#waiting-handoffs li.handoff")))
                .isEmpty();

        chat.say("/human", 0);
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#waiting-handoffs li.handoff")));
        await().until(driver -> driver.getTitle().startsWith("(1) "));
        assertThat(String.valueOf(page.executeScript("return window.__notified.join('|');")))
                .isEqualTo("A customer is waiting for a person");
        assertThat(page.executeScript("return window.__sameDocument === true;")).isEqualTo(true); // no reload

        click(By.cssSelector("#waiting-handoffs li.handoff a")); // the live queue may be re-drawn meanwhile
        await().until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        page.executeScript("window.__sameDocument = true;");

        int before = rapport.telegram.sentTexts(9401).size();
        chat.say("Is anyone there?", 0);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Is anyone there?"));
        assertThat(page.executeScript("return window.__sameDocument === true;")).isEqualTo(true);
        org.awaitility.Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> rapport.telegram.sentTexts(9401).size() == before); // the bot stays silent

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("canned"))).selectByIndex(1);
        assertThat(browser.findElement(By.id("reply-text")).getDomProperty("value"))
                .startsWith("Hello");
        browser.findElement(By.id("reply-text")).clear();
        browser.findElement(By.id("reply-text")).sendKeys("Hello, I'm Alice. I'm sorry about the broken order.");
        browser.findElement(By.id("send-reply")).click();
        awaitSaid(9401, "I'm sorry about the broken order.");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Sent."));

        await().until(ExpectedConditions.presenceOfElementLocated(By.id("note-text")))
                .sendKeys("Customer is polite; check the courier's damage report.");
        browser.findElement(By.id("add-note")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Note added"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "courier's damage report"));
        org.awaitility.Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> !said(9401).contains("damage report"));

        browser.findElement(By.cssSelector("#ticket-" + ticket + " textarea[name=note]"))
                .sendKeys("A replacement ships today.");
        browser.findElement(By.cssSelector("#ticket-" + ticket + " form.resolve button"))
                .click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Resolved"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-" + ticket), "resolved"));
        // Alice resolved it herself while she has the chat: the customer gets the note at once.
        awaitSaid(9401, "A replacement ships today.");
        assertThat(said(9401)).doesNotContain("handed this chat back to me");

        await().until(ExpectedConditions.elementToBeClickable(By.id("hand-back")))
                .click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("handoff-state"), "Handed back"));
        awaitSaid(9401, "handed this chat back to me");
        // The bot is back: it asks how the conversation with a person went.
        awaitSaid(9401, "How happy are you with the help you got from our team member?");
        chat.press(
                chat.lastButtons().stream()
                        .filter(data -> data.endsWith(":5"))
                        .findFirst()
                        .orElseThrow(),
                1);
        assertThat(rapport.telegram.sentTexts(9401).stream()
                        .filter(text -> text.contains("A replacement ships today.")))
                .hasSize(1);

        int handedBack = rapport.telegram.sentTexts(9401).size();
        chat.say("/help", 0);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() ->
                        rapport
                                .telegram
                                .sentTexts(9401)
                                .subList(
                                        handedBack,
                                        rapport.telegram.sentTexts(9401).size())
                                .stream()
                                .anyMatch(text -> text.contains("Here's what I can do")));

        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE complaints SET resolved_at = now() - interval '61 minutes' WHERE ticket = ?", ticket));
        int beforeSurvey = rapport.telegram.sentTexts(9401).size();
        rapport.runJob("complaint.followup");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> rapport.telegram.sentTexts(9401).size() > beforeSurvey);
        assertThat(rapport.count("SELECT count(*) FROM audit_log WHERE actor = 'staff:alice' AND action IN "
                        + "('handoff.claim', 'handoff.reply', 'handoff.note', 'ticket.resolve', 'handoff.hand_back')"))
                .isEqualTo(5);
    }

    @Test
    void anAgentResolvesATicketFromTheCustomerPanelAndTheCustomerGetsTheNoteAndTheSurvey() {
        var chat = new TelegramChat(rapport, 9301, "en");
        String ticket = chat.complain("The kettle leaks from the bottom", "product");
        signIn("alice");

        click(By.cssSelector("#waiting-tickets a[href*='#ticket-" + ticket + "']")); // the live queue may be re-drawn
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "kettle leaks"));
        browser.findElement(By.cssSelector("#ticket-" + ticket + " button.take"))
                .click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-" + ticket), "in progress"));

        int before = chat.texts().size();
        browser.findElement(By.cssSelector("#ticket-" + ticket + " textarea[name=note]"))
                .sendKeys("A new kettle is on its way; keep the old one.");
        browser.findElement(By.cssSelector("#ticket-" + ticket + " form.resolve button"))
                .click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-" + ticket), "resolved"));
        assertThat(String.join("\n", chat.expect(before, 1)))
                .contains("A new kettle is on its way")
                .contains(ticket);

        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE complaints SET resolved_at = now() - interval '61 minutes' WHERE ticket = ?", ticket));
        int asked = chat.texts().size();
        rapport.runJob("complaint.followup");
        assertThat(chat.expect(asked, 1)).isNotEmpty();
        assertThat(rapport.count(
                        "SELECT count(*) FROM audit_log WHERE actor = 'staff:alice' AND action = "
                                + "'ticket.resolve' AND details ->> 'ticket' = ?",
                        ticket))
                .isEqualTo(1);
        assertThat(rapport.count(
                        "SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id "
                                + "WHERE c.ticket = ? AND e.actor = 'staff:alice'",
                        ticket))
                .isEqualTo(2);
    }
}
