package health.patchwork.esr.absence.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

import health.patchwork.esr.formats.write.AbsenceOperation;
import health.patchwork.esr.formats.write.AbsenceRow;

/**
 * An absence as ESR should hold it: the values of an ABS record apart from the operation, the effective date (the
 * file's date) and the reference. Two equal details mean nothing needs sending.
 *
 * @param duration calendar days when {@code units} is D, hours when H; null while open-ended
 */
public record AbsenceDetails(String assignmentNumber, String absenceType, String absenceReason, String units,
        boolean sickness, LocalDate startDate, LocalTime startTime, LocalDate endDate, LocalTime endTime,
        BigDecimal duration, boolean openEnded, LocalDate returnToWorkDate, LocalDate notificationDate) {

    public AbsenceDetails {
        Objects.requireNonNull(assignmentNumber, "assignmentNumber");
        Objects.requireNonNull(startDate, "startDate");
        duration = duration == null ? null : duration.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    public BigDecimal durationDays() {
        return "D".equals(units) ? duration : null;
    }

    public BigDecimal durationHours() {
        return "H".equals(units) ? duration : null;
    }

    /**
     * Whether these details only close {@code sent}, an absence sent open-ended: same post, type, reason and start,
     * now with an end (spec §3.4 END). Anything else that changed needs DEL then ADD.
     */
    public boolean onlyCloses(AbsenceDetails sent) {
        return sent.openEnded() && !openEnded
                && assignmentNumber.equals(sent.assignmentNumber)
                && Objects.equals(absenceType, sent.absenceType)
                && Objects.equals(absenceReason, sent.absenceReason)
                && Objects.equals(units, sent.units)
                && sickness == sent.sickness
                && startDate.equals(sent.startDate)
                && Objects.equals(startTime, sent.startTime)
                && Objects.equals(notificationDate, sent.notificationDate);
    }

    /** The ABS record for {@code operation}; DEL carries only the fields that identify the absence. */
    public AbsenceRow toRow(LocalDate effectiveDate, AbsenceOperation operation, String reference) {
        if (operation == AbsenceOperation.DEL) {
            return AbsenceRow.delete(effectiveDate, null, assignmentNumber, reference);
        }
        return new AbsenceRow(effectiveDate, operation, null, assignmentNumber, absenceType, absenceReason,
                startDate, startTime, endDate, endTime, durationDays(), durationHours(), units,
                sickness ? startDate : null, sickness ? endDate : null, openEnded, returnToWorkDate, reference,
                notificationDate);
    }
}
