package dev.rapport.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.ConfigException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerSettingsTest {

    @TempDir
    Path dir;

    private CustomerSettings load(String yaml) throws Exception {
        Path file = dir.resolve("tiers.yaml");
        Files.writeString(file, yaml);
        return CustomerSettings.load(file);
    }

    @Test
    void theShippedFileGivesTheDefaults() {
        assertThat(CustomerSettings.load(CustomerSettings.DEFAULT_FILE)).isEqualTo(CustomerSettings.defaults());
        assertThat(CustomerSettings.load(dir.resolve("missing.yaml"))).isEqualTo(CustomerSettings.defaults());
    }

    @Test
    void settingsAreRead() throws Exception {
        var settings = load("""
                tiers: {window_months: 6, value: margin, shares: {key: 0.02}}
                customers: {default_country_code: 44, bot_username: "@rapport_demo_bot"}
                """);
        assertThat(settings.windowMonths()).isEqualTo(6);
        assertThat(settings.useMargin()).isTrue();
        assertThat(settings.keyShare()).isEqualByComparingTo(new BigDecimal("0.02"));
        assertThat(settings.majorShare()).isEqualByComparingTo(new BigDecimal("0.04"));
        assertThat(settings.defaultCountryCode()).isEqualTo(44);
        assertThat(settings.botUsername()).isEqualTo("rapport_demo_bot");
    }

    @Test
    void wrongValuesNameFileLineColumnSettingValueAndWhatIsExpected() {
        Path file = dir.resolve("tiers.yaml");
        assertThatThrownBy(() -> load("tiers: {window_months: 0}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":1:24: tiers.window_months: expected a whole number from 1 to 120, got 0");
        assertThatThrownBy(() -> load("tiers:\n  window_months: twelve\n"))
                .hasMessage(file + ":2:18: tiers.window_months: expected a whole number, got \"twelve\"");
        assertThatThrownBy(() -> load("tiers: {shares: {key: 0.5, major: 0.5, ordinary: 0.5}}"))
                .hasMessageContaining("tiers.shares: the shares add up to 1.5")
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> load("tiers: {value: profit}")).hasMessageContaining("amount or margin");
        assertThatThrownBy(() -> load("tiers:\n  windw_months: 3\n"))
                .hasMessage(
                        file + ":2:3: tiers.windw_months: unknown setting; known here: recompute_at, shares, value, "
                                + "window_months");
        assertThatThrownBy(() -> load("customers: {bot_username: 'a b'}"))
                .hasMessageContaining("customers.bot_username: expected the bot's username");
    }
}
