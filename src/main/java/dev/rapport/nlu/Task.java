package dev.rapport.nlu;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The two things the NLU is trained to tell, each from its own file per language. */
public enum Task {
    INTENT("intents.tsv"),
    SENTIMENT("sentiment.tsv");

    private final String fileName;

    Task(String fileName) {
        this.fileName = fileName;
    }

    /** The training file's name inside {@code conversations/nlu/<language>/}. */
    public String fileName() {
        return fileName;
    }

    /** The labels a file of this task may use, in declaration order. */
    public List<String> labels() {
        return switch (this) {
            case INTENT ->
                Arrays.stream(Intent.values())
                        .filter(i -> i != Intent.UNKNOWN)
                        .map(Intent::label)
                        .toList();
            case SENTIMENT ->
                Arrays.stream(Sentiment.values()).map(Sentiment::label).toList();
        };
    }

    /** "intent" or "sentiment", as written on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
