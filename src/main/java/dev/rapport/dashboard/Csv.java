package dev.rapport.dashboard;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads Chinese right), every cell
 * quoted, CRLF line ends, and a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return prefixed with {@code '} so a spreadsheet shows it as text and never runs
 * it as a formula (a customer's answer can be anything). Not thread-safe; one per export.
 */
final class Csv {

    static final String BOM = "\uFEFF";
    private final Writer out;

    Csv(Writer out) throws IOException {
        this.out = out;
        out.write(BOM);
    }

    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write('"');
            out.write(cell(cells.get(i)).replace("\"", "\"\""));
            out.write('"');
        }
        out.write("\r\n");
    }

    /** The cell's text as written: neutralised when a spreadsheet would read it as a formula. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    void flush() throws IOException {
        out.flush();
    }
}
