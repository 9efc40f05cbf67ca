package dev.rapport.customer.importing;

/** A value that cannot be taken, with its column and why; becomes a {@link Problem} or a 400. */
final class BadValue extends RuntimeException {

    final String column;

    BadValue(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }
}
