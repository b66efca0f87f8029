package health.patchwork.esr.attendance.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a timesheet line (or a stored ATT-row snapshot) says, as the mapping needs it. */
public record ClaimValues(String lineId, String assignmentNumber, LocalDate earnedDate, String payCode,
                          BigDecimal quantity, BigDecimal rate, BigDecimal amount, String costCentre) {
}
