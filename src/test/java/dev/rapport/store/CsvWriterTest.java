package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(CsvWriter.field("=2+5+cmd|' /C calc'!A0")).isEqualTo("'=2+5+cmd|' /C calc'!A0");
        assertThat(CsvWriter.field("+1 555")).isEqualTo("'+1 555");
        assertThat(CsvWriter.field("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvWriter.field("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvWriter.field("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvWriter.field("很好 = good")).isEqualTo("很好 = good");
        assertThat(CsvWriter.field(-3)).isEqualTo("-3");
        assertThat(CsvWriter.field(null)).isEmpty();
    }

    @Test
    void aFileStartsWithTheByteOrderMarkAndEndsLinesWithCrLf() {
        var text = new StringWriter();
        var csv = new CsvWriter(new PrintWriter(text), List.of("a", "b"));
        csv.row(Arrays.asList("x, y", null));
        csv.flush();
        assertThat(text.toString()).isEqualTo("\uFEFFa,b\r\n\"x, y\",\r\n");
    }
}
