package dev.rapport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.browser.Chrome;
import dev.rapport.domain.Language;
import dev.rapport.it.RunningRapport;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer attaches a photo in the web chat while telling a complaint (headless Chromium), and the
 * agent sees it in the console: in the conversation and with the ticket, served to the signed-in agent.
 */
class WebchatFileBrowserIT {

    static RunningRapport rapport;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = Chrome.start();
        rapport = RunningRapport.start();
        new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC())
                .add("alice", Role.AGENT, ConsoleBrowserIT.PASSWORD.toCharArray(), Language.EN);
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
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    static void awaitInChat(String words) {
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), words));
    }

    static void type(String text) {
        browser.findElement(By.id("text")).sendKeys(text, Keys.ENTER);
    }

    @Test
    void aPhotoAttachedDuringAComplaintIsShownToTheAgent(@TempDir Path files) throws Exception {
        var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            image.setRGB(x, 10, 0xCC0000);
        }
        Path photo = files.resolve("cracked-lid.png"); // removed with its folder after the test
        ImageIO.write(image, "png", photo.toFile());

        browser.get(rapport.url("/chat"));
        awaitInChat("Hi");
        assertThat(browser.findElement(By.id("attach")).getDomAttribute("aria-label"))
                .isEqualTo("Attach a photo or PDF");
        type("/complaint");
        awaitInChat("tell me what happened");
        browser.findElement(By.id("file")).sendKeys(photo.toString());
        awaitInChat("kept your photo");
        assertThat(browser.findElement(By.cssSelector("#log .msg.in img.preview")))
                .isNotNull();
        type("The kettle arrived with a cracked lid, see the photo");
        awaitInChat("order or booking number");
        await().until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Skip']")))
                .click();
        awaitInChat("What is your complaint about?");
        await().until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Product quality']")))
                .click();
        await().until(driver -> rapport.count("SELECT count(*) FROM complaints") == 1);
        String ticket = rapport.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT ticket FROM complaints")
                        .mapTo(String.class)
                        .one());
        long customer = rapport.count("SELECT customer_id FROM complaints");
        // A reload of the chat still shows the file among the customer's messages.
        browser.navigate().refresh();
        awaitInChat("📎");

        browser.get(rapport.url("/console"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("name")))
                .sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(ConsoleBrowserIT.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        browser.get(rapport.url("/console/customers/" + customer));
        // The page may re-draw the conversation meanwhile (live updates): the image is looked up each time.
        await().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> ((Number) ((JavascriptExecutor) driver)
                                        .executeScript(
                                                "return arguments[0].complete ? arguments[0].naturalWidth : 0;",
                                                driver.findElement(By.cssSelector("#messages a.attachment img"))))
                                .intValue()
                        == 40);
        assertThat(browser.findElements(By.cssSelector("#ticket-" + ticket + " .files a.attachment img")))
                .hasSize(1);
        String href = await().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector("#messages a.attachment"))
                        .getDomAttribute("href"));
        assertThat(href).matches("/console/files/\\d+");
        assertThat(rapport.count(
                        "SELECT count(*) FROM audit_log WHERE actor = 'staff:alice' AND action = 'customer.file_view'"))
                .isGreaterThanOrEqualTo(1);
        // Signed out, the same address opens nothing.
        browser.manage().deleteAllCookies();
        browser.get(rapport.url(href));
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("name"))); // the sign-in page
    }
}
