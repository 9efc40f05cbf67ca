package dev.rapport.customer.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file row by row (never the whole file): UTF-8 with or without a byte-order mark, a
 * header row naming the columns (any order, case-insensitive), RFC 4180 quoting. Values are
 * trimmed; an empty value is absent. Not thread-safe; one import at a time.
 */
final class CsvRows implements AutoCloseable {

    /** One data row: its line number (of its first line, when quoted values span lines) and values by column. */
    record Row(long line, Map<String, String> values) {
        String get(String column) {
            return values.get(column);
        }
    }

    /** The header is not what the import expects; nothing was read. The problem is on line 1. */
    static final class HeaderException extends RuntimeException {
        final Problem problem;

        HeaderException(String key, String english, Object... values) {
            this(Problem.of(1, "-", key, english, values));
        }

        private HeaderException(Problem problem) {
            super("line 1: " + problem.reason());
            this.problem = problem;
        }
    }

    private final CSVParser parser;
    private final List<String> columns;

    CsvRows(InputStream input, List<String> required, List<String> optional) {
        try {
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader reader = withoutByteOrderMark(new InputStreamReader(input, decoder));
            this.parser = CSVFormat.RFC4180
                    .builder()
                    .setIgnoreEmptyLines(false)
                    .setTrim(true)
                    .get()
                    .parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new HeaderException(
                        "empty_file",
                        "the file is empty; expected a header row with the columns {}",
                        String.join(",", required));
            }
            this.columns = header(records.next(), required, optional);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        var pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static List<String> header(CSVRecord record, List<String> required, List<String> optional) {
        List<String> names = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>(required);
        known.addAll(optional);
        for (String name : record) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (!known.contains(column)) {
                throw optional.isEmpty()
                        ? new HeaderException(
                                "unknown_column", "unknown column '{}'; expected {}", name, String.join(",", required))
                        : new HeaderException(
                                "unknown_column_optional",
                                "unknown column '{}'; expected {} and optionally {}",
                                name,
                                String.join(",", required),
                                String.join(",", optional));
            }
            if (names.contains(column)) {
                throw new HeaderException("column_twice", "column '{}' appears twice", column);
            }
            names.add(column);
        }
        for (String column : required) {
            if (!names.contains(column)) {
                throw new HeaderException(
                        "column_missing",
                        "column '{}' is missing; the header must name {}",
                        column,
                        String.join(",", required));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Hands each well-shaped row to {@code rows} and each row with the wrong number of values or
     * broken quoting to {@code problems}, in file order.
     */
    void forEach(Consumer<Row> rows, Consumer<Problem> problems) {
        long nextLine = parser.getCurrentLineNumber() + 1;
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                problems.accept(Problem.of(
                        nextLine,
                        "-",
                        "unreadable",
                        "the file cannot be read on from here: {} (check quoting and that the file is UTF-8)",
                        rootMessage(e)));
                return;
            }
            long line = Math.max(nextLine, 2);
            nextLine = parser.getCurrentLineNumber() + 1;
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // an empty line: read as a record so that line numbers stay right, and skipped
            }
            if (record.size() != columns.size()) {
                problems.accept(Problem.of(
                        line,
                        "-",
                        "value_count",
                        "expected {} values ({}), found {}",
                        columns.size(),
                        String.join(",", columns),
                        record.size()));
                continue;
            }
            var values = new LinkedHashMap<String, String>();
            for (int i = 0; i < columns.size(); i++) {
                String value = record.get(i);
                values.put(columns.get(i), value == null || value.isEmpty() ? null : value);
            }
            rows.accept(new Row(line, values));
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
