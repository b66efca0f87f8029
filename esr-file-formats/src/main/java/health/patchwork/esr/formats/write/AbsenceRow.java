package health.patchwork.esr.formats.write;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One ABS record (inbound-files.md §3.3, provisional design). Which fields are required or must be empty for
 * each operation comes from the absence layout and is checked when the row is written.
 *
 * @param units      "D" (days) or "H" (hours)
 * @param openEnded  written Y/N; null = empty (DEL)
 * @param reference  our stable absence id, e.g. PWH-A000131
 */
public record AbsenceRow(LocalDate effectiveDate, AbsenceOperation operation, String employeeReference,
                         String assignmentNumber, String absenceType, String absenceReason, LocalDate startDate,
                         LocalTime startTime, LocalDate endDate, LocalTime endTime, BigDecimal durationDays,
                         BigDecimal durationHours, String units, LocalDate sicknessStartDate,
                         LocalDate sicknessEndDate, Boolean openEnded, LocalDate returnToWorkDate, String reference,
                         LocalDate notificationDate) {

    public AbsenceRow {
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(operation, "operation");
    }

    /** A DEL row: withdraws an absence already sent; carries only the fields that identify it. */
    public static AbsenceRow delete(LocalDate effectiveDate, String employeeReference, String assignmentNumber,
                                    String reference) {
        return new AbsenceRow(effectiveDate, AbsenceOperation.DEL, employeeReference, assignmentNumber, null, null,
                null, null, null, null, null, null, null, null, null, null, null, reference, null);
    }
}
