package health.patchwork.esr.attendance.ledger;

/**
 * A live claim (sent or pending, not taken back) on an assignment and day that several lines share, as the checks add
 * them up; {@code inFile} when it is one of the claims of the file being made.
 */
public record DayClaim(PendingClaim claim, boolean inFile) {
}
