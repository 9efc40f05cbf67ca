package dev.rapport.inbox;

/** Where an inbound update stands; stored in {@code inbound_updates.status}. */
public enum UpdateStatus {
    /** Waiting for a worker. */
    PENDING,
    /** A turn handled it and committed. */
    PROCESSED,
    /** The body could not be read as an update (malformed JSON, no update id). */
    REJECTED,
    /** A valid update Rapport does not act on (a type it does not handle, a group chat). */
    IGNORED,
    /** Turns kept failing on it; given up after the configured attempts. */
    FAILED;

    public String stored() {
        return name().toLowerCase();
    }
}
