package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The offer, campaign and win-back commands are wired into the command line with their options. */
class OfferCommandsTest {

    private static String help(String... args) {
        var out = new StringWriter();
        var line = new CommandLine(new Main());
        line.setOut(new PrintWriter(out, true));
        assertThat(line.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void eachCommandDescribesItsOptions() {
        assertThat(help("campaign", "send", "--help"))
                .contains("--offer")
                .contains("--tier")
                .contains("--dry-run")
                .contains("--config")
                .contains("--offers");
        assertThat(help("campaign", "status", "--help")).contains("--offer");
        assertThat(help("offers", "redeem", "--help")).contains("CODE");
        assertThat(help("offers", "stats", "--help")).contains("per offer and tier");
        assertThat(help("winback", "report", "--help")).contains("won-back rate");
    }

    @Test
    void anOptionLeftOutIsAUsageError() {
        var err = new StringWriter();
        var line = new CommandLine(new Main());
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute("campaign", "send")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--offer=<offer>'");
    }
}
