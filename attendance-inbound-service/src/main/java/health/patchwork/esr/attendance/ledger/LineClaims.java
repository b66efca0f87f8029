package health.patchwork.esr.attendance.ledger;

/**
 * The claims of one line as a correction needs them, read once its pending claim is locked.
 *
 * @param pendingClaim the id of its pending claim; null when there is none
 * @param unreversedSentClaim the latest claim that went into a file and has no reversal yet; null when there is none
 * @param sentInFile the file that carried {@code unreversedSentClaim}
 */
public record LineClaims(Long pendingClaim, Long unreversedSentClaim, Long sentInFile) {
}
