package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.offer.OfferSettings;
import dev.rapport.offer.Offers;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The {@code --offers} option of the commands that read the offer catalogue. */
final class OffersOption {

    @Option(names = "--offers", description = "Offer catalogue (default: offers.yaml next to the settings file).")
    Path file;

    Offers load(RapportConfig settings) {
        return new Offers(
                OfferSettings.load(file != null ? file : settings.featureFile("offers.yaml")),
                settings.timeZone(),
                Clock.systemUTC());
    }
}
