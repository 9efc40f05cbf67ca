package dev.rapport.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.domain.Tier;
import org.junit.jupiter.api.Test;

/** The status changes a ticket allows and how its priority moves. */
class LifecycleRulesTest {

    @Test
    void aTicketGoesOpenInProgressResolvedClosedOrIsReopened() {
        assertThat(Status.OPEN.next()).containsExactlyInAnyOrder(Status.IN_PROGRESS, Status.RESOLVED);
        assertThat(Status.IN_PROGRESS.next()).containsExactly(Status.RESOLVED);
        assertThat(Status.RESOLVED.next()).containsExactlyInAnyOrder(Status.CLOSED, Status.REOPENED);
        assertThat(Status.CLOSED.next()).containsExactly(Status.REOPENED);
        assertThat(Status.REOPENED.next()).containsExactlyInAnyOrder(Status.IN_PROGRESS, Status.RESOLVED);
        assertThat(Status.of("in_progress")).contains(Status.IN_PROGRESS);
        assertThat(Status.of("done")).isEmpty();
    }

    @Test
    void priorityStartsFromTheTierAndRisesToUrgentAtMost() {
        assertThat(Priority.forTier(Tier.KEY)).isEqualTo(Priority.HIGH);
        assertThat(Priority.forTier(Tier.MAJOR)).isEqualTo(Priority.HIGH);
        assertThat(Priority.forTier(Tier.ORDINARY)).isEqualTo(Priority.NORMAL);
        assertThat(Priority.forTier(Tier.SMALL)).isEqualTo(Priority.LOW);
        assertThat(Priority.LOW.raised()).isEqualTo(Priority.NORMAL);
        assertThat(Priority.HIGH.raised().raised()).isEqualTo(Priority.URGENT);
        assertThat(Priority.forComplaint(Tier.SMALL, true))
                .as("strongly negative")
                .isEqualTo(Priority.NORMAL);
        assertThat(Priority.forComplaint(Tier.KEY, true)).isEqualTo(Priority.URGENT);
        assertThat(Priority.forComplaint(Tier.SMALL, false)).isEqualTo(Priority.LOW);
        assertThat(Priority.forComplaint(Tier.ORDINARY, false)).isEqualTo(Priority.NORMAL);
    }
}
