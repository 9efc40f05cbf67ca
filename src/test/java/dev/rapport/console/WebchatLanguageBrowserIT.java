package dev.rapport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.browser.Chrome;
import dev.rapport.it.RunningRapport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A first visit to the web chat speaks the first of the browser user's preferred languages that the chat
 * speaks (headless Chromium set to prefer French, then Chinese, then English): the page's own words and
 * the bot's greeting are Chinese.
 */
class WebchatLanguageBrowserIT {

    @Test
    void aBrowserThatPrefersFrenchThenChineseIsGreetedInChinese() {
        WebDriver browser = Chrome.start("fr-FR,fr,zh-CN,zh,en");
        try (var rapport = RunningRapport.start()) {
            browser.get(rapport.url("/chat"));
            var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "你好"));
            assertThat(browser.findElement(By.id("text")).getDomAttribute("placeholder"))
                    .isEqualTo("输入消息…");
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("zh-CN");
            assertThat(browser.findElement(By.id("log")).getText()).doesNotContain("How can I help");
        } finally {
            browser.quit();
        }
    }
}
