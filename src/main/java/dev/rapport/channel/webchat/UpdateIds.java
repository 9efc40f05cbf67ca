package dev.rapport.channel.webchat;

import org.jdbi.v3.core.Jdbi;

/**
 * Web chat update ids, one per post from a database sequence: unique across instances and increasing
 * in the order the posts reach the database, whichever instance takes them, so the inbox handles one
 * chat's posts in the order they were made. Thread-safe.
 */
final class UpdateIds {

    private final Jdbi jdbi;

    UpdateIds(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long next() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT nextval('webchat_update_ids')")
                .mapTo(Long.class)
                .one());
    }
}
