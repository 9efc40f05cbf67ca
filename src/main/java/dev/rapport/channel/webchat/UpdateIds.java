package dev.rapport.channel.webchat;

import org.jdbi.v3.core.Jdbi;

/**
 * Web chat update ids: unique across processes (blocks of 100 from a database sequence) and
 * increasing within a process, so one browser's messages keep their order. Thread-safe.
 */
final class UpdateIds {

    private static final int BLOCK = 100;
    private final Jdbi jdbi;
    private long next;
    private long end;

    UpdateIds(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    synchronized long next() {
        if (next == end) {
            long start = jdbi.withHandle(handle -> handle.createQuery("SELECT nextval('webchat_update_ids')")
                    .mapTo(Long.class).one());
            next = start;
            end = start + BLOCK;
        }
        return next++;
    }
}
