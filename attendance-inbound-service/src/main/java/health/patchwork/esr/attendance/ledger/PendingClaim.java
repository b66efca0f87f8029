package health.patchwork.esr.attendance.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A claim of the file being made, or a live claim sharing its day, as the checks before the file goes read it. */
public record PendingClaim(long entryId, String lineId, String assignmentNumber, LocalDate dateWorked,
                           String payCode, BigDecimal quantity) {
}
