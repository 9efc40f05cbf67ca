package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.browser.Chrome;
import dev.rapport.domain.Language;
import dev.rapport.it.RunningRapport;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.web.StaffCookies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A manager in a real browser: signs in, sees the charts drawn with data, filters by tier, clicks a
 * bar of the CSAT chart, opens one answer's transcript, and downloads a CSV whose figures match the page.
 */
class DashboardBrowserIT {

    static final String PASSWORD = "correct horse battery";
    static RunningRapport rapport;
    static Fixture fixture;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = Chrome.start();
        rapport = RunningRapport.start(Map.of("RAPPORT_TIME_ZONE", "UTC"));
        fixture = new Fixture(rapport.database.jdbi());
        new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC())
                .add("mona", Role.MANAGER, PASSWORD.toCharArray(), Language.EN);
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

    @Test
    void aManagerDrillsDownFromAChartToOneAnswerAndItsTranscript() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(rapport.url("/console/login?next=/dashboard"));
        browser.findElement(By.id("name")).sendKeys("mona");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/console"));

        browser.get(rapport.url("/dashboard?from=2026-11-01&to=2026-11-10"));
        WebElement csat =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-csat[data-drawn]")));
        assertThat(browser.executeScript("return Chart.getChart(arguments[0]).data.datasets[0].data", csat))
                .isEqualTo(List.of(1L, 1L, 0L, 1L, 1L));
        // the shared base stylesheet (/assets/page.css) holds the variables the dashboard's own rules use
        assertThat(browser.findElement(By.tagName("body")).getCssValue("margin-top"))
                .isEqualTo("0px");
        assertThat(browser.findElement(By.cssSelector(".top")).getCssValue("background-color"))
                .isEqualTo("rgba(255, 255, 255, 1)");
        assertThat(browser.findElements(By.cssSelector("canvas[data-drawn]"))).hasSizeGreaterThanOrEqualTo(5);
        // What the manager saw, for a person to look at when this test fails.
        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "dashboard-browser.png"),
                browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES)); // no copy left in the temp folder

        browser.findElement(By.cssSelector("#filters input[name=tier][value=small]"))
                .click();
        browser.findElement(By.id("apply-filters")).click();
        wait.until(ExpectedConditions.urlContains("tier=small"));
        assertThat(browser.findElement(By.cssSelector("#card-csat-mean .value")).getText())
                .isEqualTo("1.50");
        csat = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-csat[data-drawn]")));
        assertThat(browser.executeScript("return Chart.getChart(arguments[0]).data.datasets[0].data", csat))
                .isEqualTo(List.of(1L, 1L, 0L, 0L, 0L));

        // Click the bar of score 1: its middle, from the chart's own geometry.
        @SuppressWarnings("unchecked")
        var bar = (List<Number>) browser.executeScript("""
                const chart = Chart.getChart(arguments[0]); const bar = chart.getDatasetMeta(0).data[0];
                const box = arguments[0].getBoundingClientRect();
                return [bar.x - box.width / 2, (bar.y + bar.base) / 2 - box.height / 2];""", csat);
        new Actions(browser)
                .moveToElement(csat, bar.get(0).intValue(), bar.get(1).intValue())
                .click()
                .perform();
        wait.until(ExpectedConditions.urlContains("/dashboard/rows/answers"));
        assertThat(browser.getCurrentUrl())
                .contains("tier=small")
                .contains("type=csat")
                .contains("min=1")
                .contains("max=1");
        var rows = browser.findElements(By.cssSelector("#rows tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).findElement(By.cssSelector("td.score")).getText())
                .isEqualTo("1");
        String csvLink = browser.findElement(By.id("export-csv")).getAttribute("href");

        rows.get(0).findElement(By.cssSelector("a.transcript")).click();
        wait.until(ExpectedConditions.urlContains("/dashboard/transcripts/" + fixture.small));
        assertThat(browser.findElement(By.id("transcript-title")).getText()).contains("Sam Small");
        assertThat(browser.findElement(By.cssSelector("#transcript .marked")).getText())
                .contains("feedback csat")
                .contains("1");

        // The CSV behind the page, downloaded with the browser's session: the same rows and the same mean.
        String session = browser.manage().getCookieNamed(StaffCookies.SESSION).getValue();
        String oneRow = download(csvLink, session);
        assertThat(oneRow).startsWith("\uFEFF");
        assertThat(oneRow.split("\r\n")).hasSize(2);
        String all = download(csvLink.replaceAll("&(min|max)=\\d+", ""), session);
        String[] lines = all.split("\r\n");
        List<String> header =
                Arrays.asList(lines[0].substring(1).replace("\"", "").split(","));
        int score = header.indexOf("Score");
        double mean = Arrays.stream(lines)
                .skip(1)
                .mapToInt(line -> Integer.parseInt(line.split("\",\"")[score]))
                .average()
                .orElseThrow();
        assertThat(String.format(java.util.Locale.ROOT, "%.2f", mean)).isEqualTo("1.50");
    }

    private static String download(String url, String session) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", StaffCookies.SESSION + "=" + session)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
