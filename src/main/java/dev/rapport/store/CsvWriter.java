package dev.rapport.store;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The one way Rapport writes CSV for people to open (exports of surveys, customers, complaints…):
 * RFC 4180 (commas, double quotes around fields that need them, CRLF line ends), UTF-8 with a
 * byte-order mark so spreadsheet programs read Chinese correctly, and no formulas: a text value
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — what a
 * spreadsheet would run as a formula — is written with a leading {@code '}, which shows the text as
 * typed. Numbers are written as they are (a negative score stays a number). Not thread-safe; one
 * writer per export.
 */
public final class CsvWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final PrintWriter out;

    /** Starts the file: the byte-order mark and the header row. */
    public CsvWriter(PrintWriter out, List<String> header) {
        this.out = out;
        out.print(BYTE_ORDER_MARK);
        row(List.copyOf(header));
    }

    /** One row; {@code null} is an empty field, a time is written as an instant (UTC). */
    public void row(List<?> values) {
        var line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            line.append(i > 0 ? "," : "").append(field(values.get(i)));
        }
        out.print(line.append("\r\n"));
    }

    public void flush() {
        out.flush();
    }

    /** A value as one CSV field: neutralised when it is text a spreadsheet would run, quoted when needed. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime time) {
            value = time.toInstant();
        }
        String text = value.toString();
        if (value instanceof CharSequence && startsLikeAFormula(text)) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static boolean startsLikeAFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
