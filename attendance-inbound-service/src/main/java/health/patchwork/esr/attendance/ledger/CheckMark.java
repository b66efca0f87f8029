package health.patchwork.esr.attendance.ledger;

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
}
