package dev.rapport.domain;

/**
 * Who on the staff did something — claimed a chat, replied, resolved a ticket — as other packages
 * record it (handoffs, audit, messages). Accounts themselves belong to the {@code staff} package.
 *
 * @param id   the staff account's id
 * @param name the account's display name, as shown to colleagues (never to customers unless a
 *             message says so)
 */
public record StaffRef(long id, String name) {}
