package health.patchwork.esr.attendance.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A live claim (sent or pending, not taken back) on an assignment and day, as the checks add them up. */
public record DayClaim(String lineId, String assignmentNumber, LocalDate dateWorked, String payCode,
                       BigDecimal quantity) {
}
