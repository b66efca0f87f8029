package health.patchwork.esr.attendance.ledger;

import java.util.Objects;

/**
 * What the checks before a file goes found for one pending claim.
 *
 * @param heldCheck  the check that holds it out of files; null when it may go
 * @param heldReason why, naming no person
 * @param warning    what it goes with, reported with its file; null for none
 */
public record CheckMark(long entryId, String heldCheck, String heldReason, String warning) {

    public boolean held() {
        return heldCheck != null;
    }

    /** Whether this says the same as {@code other} about the claim. */
    public boolean sameFinding(CheckMark other) {
        return Objects.equals(heldCheck, other.heldCheck)
                && Objects.equals(heldReason, other.heldReason)
                && Objects.equals(warning, other.warning);
    }
}
