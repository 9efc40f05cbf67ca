package dev.rapport.dashboard;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads Chinese right), every cell
 * quoted, CRLF line ends, and a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return prefixed with {@code '} so a spreadsheet shows it as text and never runs
 * it as a formula (a customer's answer can be anything). A row is assembled in one reused buffer and
 * handed to the writer in one call (an export writes hundreds of thousands of cells); the caller's
 * writer does the buffering and is flushed once at the end. Not thread-safe; one per export.
 */
final class Csv {

    static final String BOM = "\uFEFF";
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    Csv(Writer out) throws IOException {
        this.out = out;
        out.write(BOM);
    }

    void row(List<String> cells) throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            quoted(cells.get(i));
        }
        line.append("\r\n");
        out.append(line);
    }

    /** Appends the cell quoted, with quotes doubled and a formula neutralised (see {@link #cell}). */
    private void quoted(String value) {
        line.append('"');
        if (value != null && !value.isEmpty()) {
            if (formula(value.charAt(0))) {
                line.append('\'');
            }
            int from = 0;
            for (int at = value.indexOf('"'); at >= 0; at = value.indexOf('"', from)) {
                line.append(value, from, at + 1).append('"');
                from = at + 1;
            }
            line.append(value, from, value.length());
        }
        line.append('"');
    }

    /** The cell's text as written: neutralised when a spreadsheet would read it as a formula. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return formula(value.charAt(0)) ? "'" + value : value;
    }

    private static boolean formula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    void flush() throws IOException {
        out.flush();
    }
}
