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

    @TempDir Path dir;

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
    void wrongValuesNameFileSettingValueAndWhatIsExpected() {
        assertThatThrownBy(() -> load("tiers: {window_months: 0}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tiers.yaml").hasMessageContaining("tiers.window_months")
                .hasMessageContaining("'0'").hasMessageContaining("from 1 to 120");
        assertThatThrownBy(() -> load("tiers: {shares: {key: 0.5, major: 0.4, ordinary: 0.2}}"))
                .hasMessageContaining("tiers.shares").hasMessageContaining("at most 1");
        assertThatThrownBy(() -> load("tiers: {value: profit}")).hasMessageContaining("amount or margin");
        assertThatThrownBy(() -> load("tiers: {windw_months: 3}")).hasMessageContaining("unknown setting 'tiers.windw_months'");
        assertThatThrownBy(() -> load("customers: {bot_username: 'a b'}")).hasMessageContaining("customers.bot_username");
    }
}
