package dev.rapport.nlu;

/**
 * One example from a {@code label<TAB>text} file.
 *
 * @param label the gold label, e.g. "complaint" or "negative"
 * @param text the customer message: everything after the first tab, without surrounding white space
 * @param source the file it came from and its line, e.g. "conversations/nlu/en/intents.tsv:12"
 */
public record LabelledText(String label, String text, String source) {}
