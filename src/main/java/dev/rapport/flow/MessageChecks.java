package dev.rapport.flow;

import java.util.Set;

/** Keeps the languages in step: the same keys in every file, and the same placeholders per key. */
final class MessageChecks {

    private MessageChecks() {}

    /** Compares every language with {@code reference} (English), both ways. */
    static void checkInSync(MessageFile reference, Iterable<MessageFile> others, Problems problems) {
        if (!reference.readable()) {
            return;
        }
        for (MessageFile other : others) {
            if (other == reference || !other.readable()) {
                continue;
            }
            reportMissing(reference, other, problems);
            reportMissing(other, reference, problems);
            reportPlaceholderDifferences(reference, other, problems);
        }
    }

    private static void reportMissing(MessageFile having, MessageFile lacking, Problems problems) {
        having.texts().forEach((key, text) -> {
            if (!lacking.has(key)) {
                problems.in(having.file())
                        .add(
                                text.line(),
                                "key '" + key + "' is in " + having.language() + " but missing in " + lacking.language()
                                        + " (" + lacking.file() + "); add it there");
            }
        });
    }

    private static void reportPlaceholderDifferences(MessageFile reference, MessageFile other, Problems problems) {
        other.texts().forEach((key, text) -> {
            MessageFile.Text referenceText = reference.texts().get(key);
            if (referenceText == null) {
                return;
            }
            Set<String> expected = Placeholders.names(referenceText.value());
            Set<String> actual = Placeholders.names(text.value());
            if (!expected.equals(actual)) {
                problems.in(other.file())
                        .add(
                                text.line(),
                                "'" + key + "' uses placeholders " + braces(actual) + " but " + reference.language()
                                        + " uses " + braces(expected) + "; use the same in every language");
            }
        });
    }

    private static String braces(Set<String> names) {
        return names.isEmpty()
                ? "none"
                : String.join(", ", names.stream().map(name -> "{" + name + "}").toList());
    }
}
