package dev.rapport.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.ConfigException;
import dev.rapport.domain.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfferSettingsTest {

    @TempDir
    Path dir;

    static final String OFFER = """
            offers:
              - id: spring
                tiers: [major]
                title: offer.spring.title
                text: offer.spring.text
                valid_from: 2026-01-01
                valid_until: 2026-06-30
                value: 10
                budget: {max_sends: 5, max_value: 40}
            """;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("offers.yaml"), yaml);
    }

    @Test
    void theShippedCatalogueLoadsWithItsKeysAndSettings() {
        OfferSettings settings = OfferSettings.load(OfferFeature.SETTINGS);
        assertThat(settings.offers())
                .containsKeys(
                        "key_concierge",
                        "major_thanks",
                        "ordinary_welcome",
                        "spring_sale",
                        "winback_key",
                        "winback_major",
                        "winback_ordinary");
        assertThat(settings.messageKeys()).contains("offer.spring_sale.title", "offer.winback_key.text");
        assertThat(settings.quietFrom()).isEqualTo(LocalTime.of(21, 0));
        assertThat(settings.sendsPerRun()).isEqualTo(20);
    }

    @Test
    void aMissingFileMeansNoOffersAndDefaultsThatRun() {
        OfferSettings settings = OfferSettings.load(dir.resolve("absent.yaml"));
        assertThat(settings.offers()).isEmpty();
        assertThat(settings.recentOfferDays()).isEqualTo(14);
        assertThat(settings.quietUntil()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void aValidOfferLoads() throws IOException {
        Offer offer = OfferSettings.load(file(OFFER)).require("spring");
        assertThat(offer.tiers()).containsExactly(Tier.MAJOR);
        assertThat(offer.maxSends()).isEqualTo(5);
        assertThat(offer.inMenu()).isTrue();
        assertThat(offer.validOn(java.time.LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(offer.validOn(java.time.LocalDate.of(2026, 7, 1))).isFalse();
    }

    @Test
    void errorsNameFileLineColumnTheOfferTheFieldAndWhatIsExpected() throws IOException {
        Path file = dir.resolve("offers.yaml");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("tiers: [major]", "tiers: [gold]"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3:13: offers.spring.tiers[0]: expected a tier from [key, major, ordinary, small], "
                        + "got \"gold\"");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("2026-06-30", "2025-12-31"))))
                .hasMessage(
                        file + ":7:18: offers.spring.valid_until: expected a day on or after valid_from (2026-01-01), "
                                + "got \"2025-12-31\"");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("2026-01-01", "1 Jan"))))
                .hasMessageContaining("offers.spring.valid_from: expected a date written YYYY-MM-DD, got \"1 Jan\"");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("value: 10", "value: -1"))))
                .hasMessageContaining(
                        "offers.spring.value: expected an amount of 0 or more, such as 20 or 9.90, got -1");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("value: 10", "value: lots"))))
                .hasMessage(file + ":8:12: offers.spring.value: expected a number, got \"lots\"");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("max_sends: 5, ", ""))))
                .hasMessage(
                        file + ":9:13: offers.spring.budget.max_sends: expected the most codes this offer may issue, "
                                + "such as 500, got nothing");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("title:", "titel:"))))
                .hasMessage(file + ":4:5: offers.spring.titel: unknown setting; known here: budget, id, in_menu, text, "
                        + "tiers, title, valid_from, valid_until, value");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("offer.spring.text", "Spring sale!"))))
                .hasMessageContaining("offers.spring.text: expected a message key");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER + OFFER.substring("offers:\n".length()))))
                .hasMessage(file + ":10:9: offers.spring.id: expected an id no other offer has, got \"spring\"");
        assertThatThrownBy(() -> OfferSettings.load(file("campaigns: {quiet_hours: {from: \"9pm\"}}\n")))
                .hasMessage(file + ":1:33: campaigns.quiet_hours.from: expected a time of day written HH:MM, such as "
                        + "\"21:00\", got \"9pm\"");
        assertThatThrownBy(() -> OfferSettings.load(file("campaigns: {sends_per_run: 0}\n")))
                .hasMessageContaining("campaigns.sends_per_run: expected a whole number from 1 to 100000, got 0");
        assertThatThrownBy(() -> OfferSettings.load(file("offers: [\n")))
                .hasMessageContaining("offers.yaml:")
                .hasMessageContaining("YAML syntax error");
    }

    @Test
    void quietHoursMayBeWrittenWithOneDigitForTheHour() throws IOException {
        assertThat(OfferSettings.load(file("campaigns: {quiet_hours: {from: \"9:30\", until: 21:00}}\n"))
                        .quietFrom())
                .isEqualTo(LocalTime.of(9, 30));
    }
}
