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
        assertThat(settings.offers()).containsKeys("key_concierge", "major_thanks", "ordinary_welcome", "spring_sale",
                "winback_key", "winback_major", "winback_ordinary");
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
    void errorsNameTheFileTheOfferTheFieldAndWhatIsExpected() throws IOException {
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("tiers: [major]", "tiers: [gold]"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("offers.yaml: offer 'spring', field 'tiers' is 'gold': expected tiers from [key,");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("2026-06-30", "2025-12-31"))))
                .hasMessageContaining("offer 'spring', field 'valid_until' is '2025-12-31': expected a day on or after "
                        + "valid_from (2026-01-01)");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("2026-01-01", "1 Jan"))))
                .hasMessageContaining("field 'valid_from' is '1 Jan': expected a date written YYYY-MM-DD");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("value: 10", "value: -1"))))
                .hasMessageContaining("field 'value' is '-1': expected an amount of 0 or more");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("max_sends: 5, ", ""))))
                .hasMessageContaining("offer 'spring'.budget, field 'max_sends' is missing");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("title:", "titel:"))))
                .hasMessageContaining("offer 'spring', unknown field 'titel'");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER.replace("offer.spring.text", "Spring sale!"))))
                .hasMessageContaining("field 'text' is 'Spring sale!': expected a message key");
        assertThatThrownBy(() -> OfferSettings.load(file(OFFER + OFFER.substring("offers:\n".length()))))
                .hasMessageContaining("field 'id' is 'spring': expected an id no other offer has");
        assertThatThrownBy(() -> OfferSettings.load(file("campaigns: {quiet_hours: {from: \"9pm\"}}\n")))
                .hasMessageContaining("campaigns.quiet_hours, field 'from' is '9pm': expected a time of day");
        assertThatThrownBy(() -> OfferSettings.load(file("campaigns: {sends_per_run: 0}\n")))
                .hasMessageContaining("field 'sends_per_run' is '0': expected a whole number from 1");
        assertThatThrownBy(() -> OfferSettings.load(file("offers: [\n")))
                .hasMessageContaining("offers.yaml: not valid YAML");
    }
}
