package dev.rapport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by
 * Selenium through that package's chromedriver (so Selenium Manager never goes to the network). A
 * test that needs it is skipped, saying why, where the packages are not installed. Used by the
 * console's and the dashboard's browser tests; each call starts its own browser (the caller quits it).
 */
public final class Chrome {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chrome() {}

    public static ChromeDriver start() {
        return start("en-US,en");
    }

    /**
     * A browser whose user prefers {@code acceptLanguages} (as in its settings, e.g. {@code "zh-CN,zh,en"}):
     * sent as {@code Accept-Language} and seen by pages as {@code navigator.languages}.
     */
    public static ChromeDriver start(String acceptLanguages) {
        Assumptions.assumeTrue(
                Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "Browser tests skipped: install Debian's chromium and chromium-driver (" + BINARY + ", " + DRIVER
                        + "); .ci/run does");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("rapport-chrome");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=" + acceptLanguages.split(",")[0],
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguages));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }
}
