package dev.rapport.winback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.domain.Tier;
import dev.rapport.offer.OfferFeature;
import dev.rapport.offer.OfferSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WinbackSettingsTest {

    @TempDir
    Path dir;

    static final OfferSettings OFFERS = OfferSettings.load(OfferFeature.SETTINGS);

    private WinbackSettings load(String yaml) throws IOException {
        return WinbackSettings.load(Files.writeString(dir.resolve("winback.yaml"), yaml), OFFERS);
    }

    @Test
    void theShippedSettingsGiveEveryTierItsMove() {
        var settings = WinbackSettings.load(WinbackFeature.SETTINGS, OFFERS);
        assertThat(settings.move(Tier.KEY)).isEqualTo(new WinbackSettings.TierMove(45, "winback_key", true));
        assertThat(settings.move(Tier.SMALL).offer()).isNull();
        assertThat(settings.approachAgainDays()).isEqualTo(90);
    }

    @Test
    void defaultsRunWithoutAFile() {
        var settings = WinbackSettings.load(dir.resolve("absent.yaml"), OFFERS);
        assertThat(settings.tiers()).containsOnlyKeys(Tier.values());
        assertThat(settings.move(Tier.KEY).escalate()).isTrue();
        assertThat(settings.wonBackWindowDays()).isEqualTo(30);
    }

    @Test
    void anOfferMustBeInTheCatalogueAndMeantForTheTier() {
        Path file = dir.resolve("winback.yaml");
        assertThatThrownBy(() -> load("tiers: {major: {offer: winback_mayor}}\n"))
                .hasMessageStartingWith(file + ":1:24: tiers.major.offer: expected an offer id from config/offers.yaml")
                .hasMessageEndingWith(", got \"winback_mayor\"");
        assertThatThrownBy(() -> load("tiers: {small: {offer: winback_key}}\n"))
                .hasMessage(
                        file + ":1:24: tiers.small.offer: expected an offer whose tiers include small (it has [key]), "
                                + "got \"winback_key\"");
        assertThatThrownBy(() -> load("tiers:\n  gold: {}\n"))
                .hasMessage(file + ":2:3: tiers.gold: unknown setting; known here: key, major, ordinary, small");
        assertThatThrownBy(() -> load("tiers: {key: {lapsed_after_days: 0}}\n"))
                .hasMessage(file + ":1:34: tiers.key.lapsed_after_days: expected a whole number from 1 to 3650, got 0");
        assertThatThrownBy(() -> load("tiers: {key: {escalate: sometimes}}\n"))
                .hasMessage(file + ":1:25: tiers.key.escalate: expected true or false, got \"sometimes\"");
    }
}
