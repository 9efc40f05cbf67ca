package dev.rapport.handoff;

import dev.rapport.domain.StaffRef;

/**
 * What a claim came to. Of two staff members claiming the same waiting handoff at once exactly one
 * gets {@link Outcome#CLAIMED}; the other gets {@link Outcome#TAKEN} with the winner as owner.
 *
 * @param owner who has the handoff now (null when it is closed)
 */
public record ClaimResult(Outcome outcome, StaffRef owner) {

    public enum Outcome {
        /** This call claimed it. */
        CLAIMED,
        /** The caller already had it. */
        ALREADY_YOURS,
        /** Someone else has it: see {@link ClaimResult#owner()}. */
        TAKEN,
        /** It was handed back before the claim. */
        CLOSED
    }

    public boolean won() {
        return outcome == Outcome.CLAIMED || outcome == Outcome.ALREADY_YOURS;
    }
}
