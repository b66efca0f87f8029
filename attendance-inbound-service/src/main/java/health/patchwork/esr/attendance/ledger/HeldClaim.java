package health.patchwork.esr.attendance.ledger;

import java.time.Instant;

/** A pending claim a check holds out of files: the line, the check, its reason, and since when it is held. */
public record HeldClaim(String lineId, String check, String reason, Instant since) {
}
