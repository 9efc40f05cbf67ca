package dev.rapport.staffgroup;

import dev.rapport.engine.HandoffPort;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The handoff port as the engine sees it with a staff group: the handoff feature's own port, and in
 * the same turn transaction the customer's topic — opened with its card when a handoff opens, and
 * each customer message copied into it. Stateless; thread-safe.
 */
final class StaffGroupPort implements HandoffPort {

    private final HandoffPort handoffs;
    private final TopicSync topics;

    StaffGroupPort(HandoffPort handoffs, TopicSync topics) {
        this.handoffs = handoffs;
        this.topics = topics;
    }

    @Override
    public Optional<Long> openFor(Handle handle, String channel, String chatKey) {
        return handoffs.openFor(handle, channel, chatKey);
    }

    @Override
    public java.util.List<Optional<Long>> openForAll(
            Handle handle, java.util.List<String> channels, java.util.List<String> chatKeys) {
        return handoffs.openForAll(handle, channels, chatKeys);
    }

    @Override
    public void customerWrote(Handle handle, long handoffId, long customerId, long messageId) {
        handoffs.customerWrote(handle, handoffId, customerId, messageId);
        topics.customerWrote(handle, handoffId, customerId, messageId);
    }

    /** As the handoff feature's port, and the customer's open handoffs get (or update) their topics. */
    @Override
    public boolean escalateCustomer(Handle handle, long customerId, String reason, String detail) {
        boolean escalated = handoffs.escalateCustomer(handle, customerId, reason, detail);
        if (escalated) {
            handle.createQuery("SELECT id FROM handoffs WHERE customer_id = :customer AND state <> 'closed'")
                    .bind("customer", customerId)
                    .mapTo(Long.class)
                    .forEach(handoffId -> topics.sync(handle, handoffId));
        }
        return escalated;
    }

    @Override
    public Optional<Long> noteForCustomer(Handle handle, long customerId, String text, java.util.Map<String, ?> data) {
        return handoffs.noteForCustomer(handle, customerId, text, data);
    }

    @Override
    public Optional<Escalated> escalate(Handle handle, Escalation escalation) {
        Optional<Escalated> escalated = handoffs.escalate(handle, escalation);
        escalated.ifPresent(handoff -> topics.sync(handle, handoff.handoffId()));
        return escalated;
    }
}
