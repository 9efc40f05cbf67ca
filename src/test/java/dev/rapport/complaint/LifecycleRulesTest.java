package dev.rapport.complaint;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(Priority.forTier("key")).isEqualTo(Priority.HIGH);
        assertThat(Priority.forTier("major")).isEqualTo(Priority.HIGH);
        assertThat(Priority.forTier("ordinary")).isEqualTo(Priority.NORMAL);
        assertThat(Priority.forTier("small")).isEqualTo(Priority.LOW);
        assertThat(Priority.LOW.raised()).isEqualTo(Priority.NORMAL);
        assertThat(Priority.HIGH.raised().raised()).isEqualTo(Priority.URGENT);
        assertThat(Priority.forComplaint("small", -0.9)).as("strongly negative").isEqualTo(Priority.NORMAL);
        assertThat(Priority.forComplaint("key", -0.7)).isEqualTo(Priority.URGENT);
        assertThat(Priority.forComplaint("small", -0.2)).isEqualTo(Priority.LOW);
        assertThat(Priority.forComplaint("ordinary", null)).isEqualTo(Priority.NORMAL);
    }
}
