package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void formulaCellsAreNeutralisedAndTheFileStartsWithABom() throws Exception {
        var out = new StringWriter();
        var csv = new Csv(out);
        csv.row(Arrays.asList("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain", null, "快递 \"慢\""));
        csv.flush();
        assertThat(out.toString())
                .isEqualTo("\uFEFF\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\","
                        + "\"plain\",\"\",\"快递 \"\"慢\"\"\"\r\n");
    }
}
