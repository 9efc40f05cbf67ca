package dev.rapport.handoff;

import dev.rapport.domain.Channel;
import dev.rapport.domain.Language;
import dev.rapport.domain.StaffRef;
import dev.rapport.domain.Tier;
import java.time.Instant;
import java.util.List;

/**
 * One open handoff as the queue shows it, in queue order.
 *
 * @param priority          {@code urgent}, {@code high}, {@code normal} or {@code low}: the most urgent reason's
 * @param owner             who has claimed it; null while waiting
 * @param waitingSince      when the customer started waiting for a person (when it opened)
 * @param lastCustomerText  the customer's latest message text in this chat (null when none, or no text)
 * @param lastCustomerAt    when they sent it (null when none)
 * @param forManager        a reason asks for a manager (a low CSAT after a handoff)
 * @param flagged           nobody answered within {@code no_answer_after}: the customer was told again
 */
public record QueuedHandoff(
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
        Instant openedAt,
        Instant waitingSince,
        String lastCustomerText,
        Instant lastCustomerAt,
        boolean forManager,
        boolean flagged) {}
