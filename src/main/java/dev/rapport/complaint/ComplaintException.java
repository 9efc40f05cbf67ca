package dev.rapport.complaint;

/** A change to a complaint that cannot be made; the message names the ticket and what is allowed instead. */
public final class ComplaintException extends RuntimeException {

    ComplaintException(String message) {
        super(message);
    }
}
