package dev.rapport.store;

/**
 * The words of a printed report or table (headings, row labels), by key, in the reader's language;
 * {@code {}} in a text takes the next value. The command line passes its bilingual bundle, so a feature
 * that prints for staff names what it prints by key and never holds the words itself.
 */
@FunctionalInterface
public interface Labels {

    String get(String key, Object... values);
}
