package dev.rapport.customer;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * How commands name a customer: the shop's external id, or Rapport's numeric id. An external id
 * that matches wins over a numeric id, so {@code 1001} means the shop's customer 1001 when there is one.
 */
public final class CustomerRef {

    private CustomerRef() {}

    public static Optional<Long> find(Handle handle, String reference) {
        Optional<Long> byExternal = handle.createQuery("SELECT id FROM customers WHERE external_id = :ref")
                .bind("ref", reference)
                .mapTo(Long.class)
                .findOne();
        if (byExternal.isPresent() || !reference.matches("\\d{1,18}")) {
            return byExternal;
        }
        return handle.createQuery("SELECT id FROM customers WHERE id = :id")
                .bind("id", Long.parseLong(reference))
                .mapTo(Long.class)
                .findOne();
    }

    /** As {@link #find}, or an error that says what was looked for. */
    public static long require(Handle handle, String reference) {
        return find(handle, reference)
                .orElseThrow(
                        () -> new IllegalArgumentException("No customer with external id or id '" + reference + "'"));
    }
}
