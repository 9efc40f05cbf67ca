package dev.rapport.handoff;

import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import dev.rapport.domain.StaffRef;
import dev.rapport.domain.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One handoff, open or closed, with its timings.
 *
 * @param owner             who has it (or had it last); null when nobody claimed it
 * @param firstResponseTime from opening to the first staff reply; null before that reply
 * @param handlingTime      from the first claim to the hand-back; null while open or when never claimed
 * @param closedBy          who handed it back; null while open
 */
public record HandoffDetail(
        long id,
        long customerId,
        String customerName,
        Tier tier,
        Language language,
        Channel channel,
        String chatKey,
        List<HandoffReason> reasons,
        String priority,
        HandoffState state,
        StaffRef owner,
        boolean forManager,
        Instant openedAt,
        Instant claimedAt,
        Instant firstResponseAt,
        Instant flaggedAt,
        Instant closedAt,
        StaffRef closedBy,
        Duration firstResponseTime,
        Duration handlingTime) {

    public boolean open() {
        return state != HandoffState.CLOSED;
    }

    public boolean flagged() {
        return flaggedAt != null;
    }
}
