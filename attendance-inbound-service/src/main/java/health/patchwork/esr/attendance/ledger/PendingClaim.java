package health.patchwork.esr.attendance.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A claim as the checks before its file read it, with what the last check found ({@code mark}). */
public record PendingClaim(long entryId, String lineId, String assignmentNumber, LocalDate dateWorked,
                           String payCode, BigDecimal quantity, CheckMark mark) {
}
