package dev.rapport.store;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the command line: a header and rows, columns as wide as their widest cell
 * measured in terminal columns ({@link DisplayWidth}: a Chinese character takes two), left-aligned
 * unless marked right (numbers), one space between columns, no trailing spaces. Filled and printed
 * by one thread; not thread-safe.
 */
public final class TextTable {

    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> header) {
        this.header = List.copyOf(header);
        this.right = new boolean[header.size()];
    }

    /** A table with these column headings. */
    public static TextTable of(String... header) {
        return new TextTable(Arrays.asList(header));
    }

    public static TextTable of(List<String> header) {
        return new TextTable(header);
    }

    /** Right-aligns the columns at these (zero-based) positions. */
    public TextTable right(int... columns) {
        for (int column : columns) {
            right[column] = true;
        }
        return this;
    }

    /** Adds a row; {@code null} cells print empty, missing cells too. */
    public TextTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table's lines, header first. */
    public List<String> lines() {
        int columns = header.size();
        for (List<String> row : rows) {
            columns = Math.max(columns, row.size());
        }
        int[] widths = new int[columns];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], DisplayWidth.of(row.get(column)));
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            var line = new StringBuilder();
            for (int column = 0; column < columns; column++) {
                String cell = column < row.size() ? row.get(column) : "";
                boolean alignRight = column < right.length && right[column];
                line.append(column == 0 ? "" : " ").append(DisplayWidth.pad(cell, widths[column], !alignRight));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    public void print(PrintWriter out) {
        lines().forEach(out::println);
        out.flush();
    }
}
