package dev.rapport.nlu;

/**
 * Thrown when the NLU cannot start or evaluate: a training file is missing or malformed, or model
 * files cannot be written. The message names the file (and line) and says what to do.
 */
public final class NluException extends RuntimeException {

    public NluException(String message) {
        super(message);
    }

    public NluException(String message, Throwable cause) {
        super(message, cause);
    }
}
