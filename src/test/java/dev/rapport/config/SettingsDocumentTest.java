package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsDocumentTest {

    record Budget(Integer maxSends, BigDecimal maxValue) {}

    record Entry(String id, String title, Budget budget, Boolean inMenu) {}

    record Catalogue(Integer recentOfferDays, List<Entry> offers) {}

    @TempDir
    Path dir;

    Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("offers.yaml"), yaml);
    }

    @Test
    void bindsSnakeCaseKeysToRecordComponents() throws IOException {
        var catalogue = SettingsDocument.read(file("""
                recent_offer_days: 7
                offers:
                  - id: spring
                    title: 2026
                    budget: {max_sends: 5, max_value: 9.90}
                """)).bind(Catalogue.class);
        assertThat(catalogue.recentOfferDays()).isEqualTo(7);
        assertThat(catalogue.offers().get(0).budget().maxValue()).isEqualByComparingTo("9.90");
        assertThat(catalogue.offers().get(0).title()).isEqualTo("2026");
        assertThat(catalogue.offers().get(0).inMenu()).isNull();
    }

    @Test
    void aMissingOrEmptyFileBindsToNothingSet() throws IOException {
        assertThat(SettingsDocument.read(dir.resolve("none.yaml"))
                        .bind(Catalogue.class)
                        .offers())
                .isNull();
        assertThat(SettingsDocument.read(file("# nothing yet\n"))
                        .bind(Catalogue.class)
                        .recentOfferDays())
                .isNull();
    }

    @Test
    void aWrongTypeNamesLineColumnPathAndValue() throws IOException {
        Path file = file("""
                recent_offer_days: 7
                offers:
                  - id: spring_sale
                    budget:
                      max_sends: lots
                """);
        assertThatThrownBy(() -> SettingsDocument.read(file).bind(Catalogue.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":5:18: offers.spring_sale.budget.max_sends: expected a whole number, got \"lots\"");
        assertThatThrownBy(() ->
                        SettingsDocument.read(file("recent_offer_days: 1.5\n")).bind(Catalogue.class))
                .hasMessageEndingWith(":1:20: recent_offer_days: expected a whole number, got 1.5");
        assertThatThrownBy(() -> SettingsDocument.read(file("recent_offer_days: \"7\"\n"))
                        .bind(Catalogue.class))
                .hasMessageEndingWith(":1:20: recent_offer_days: expected a whole number, got \"7\"");
        assertThatThrownBy(
                        () -> SettingsDocument.read(file("offers: {id: x}\n")).bind(Catalogue.class))
                .hasMessageEndingWith(":1:9: offers: expected a list, got a map");
    }

    @Test
    void anUnknownKeyNamesLineColumnPathAndTheKnownKeys() throws IOException {
        Path file = file("offers:\n  - id: spring\n    titel: x\n");
        assertThatThrownBy(() -> SettingsDocument.read(file).bind(Catalogue.class))
                .hasMessage(
                        file + ":3:5: offers.spring.titel: unknown setting; known here: budget, id, in_menu, title");
    }

    @Test
    void ownChecksFindTheLineOfAnyValue() throws IOException {
        Path file = file("offers:\n  - id: spring\n    budget: {max_sends: 5}\n");
        var document = SettingsDocument.read(file);
        assertThat(document.wrong("a bigger budget", "offers", 0, "budget", "max_sends"))
                .hasMessage(file + ":3:25: offers.spring.budget.max_sends: expected a bigger budget, got 5");
        assertThat(document.wrong("an amount", "offers", 0, "budget", "max_value"))
                .hasMessage(file + ":3:13: offers.spring.budget.max_value: expected an amount, got nothing");
    }

    @Test
    void syntaxErrorsAndDuplicateKeysAreNotValidYaml() throws IOException {
        assertThatThrownBy(() -> SettingsDocument.read(file("offers: [\n")))
                .hasMessageContaining("offers.yaml:")
                .hasMessageContaining("YAML syntax error");
        assertThatThrownBy(() -> SettingsDocument.read(file("recent_offer_days: 1\nrecent_offer_days: 2\n")))
                .hasMessageContaining("offers.yaml:2:")
                .hasMessageContaining("recent_offer_days");
        assertThatThrownBy(() -> SettingsDocument.read(file("- a\n- b\n")))
                .hasMessageContaining("offers.yaml:1:1: expected a map of settings");
    }
}
