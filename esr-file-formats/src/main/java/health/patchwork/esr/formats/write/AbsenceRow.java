package health.patchwork.esr.formats.write;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One ABS record (docs/spec/inbound-files.md §3.3, provisional design). Which fields are required or must be empty for
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

    public static Builder builder(LocalDate effectiveDate, AbsenceOperation operation, String assignmentNumber,
                                  String reference) {
        return new Builder(effectiveDate, operation, assignmentNumber, reference);
    }

    /** Names the fields of an ADD or END row instead of a 19-argument constructor. */
    public static final class Builder {
        private final LocalDate effectiveDate;
        private final AbsenceOperation operation;
        private final String assignmentNumber;
        private final String reference;
        private String employeeReference;
        private String absenceType;
        private String absenceReason;
        private LocalDate startDate;
        private LocalTime startTime;
        private LocalDate endDate;
        private LocalTime endTime;
        private BigDecimal durationDays;
        private BigDecimal durationHours;
        private String units;
        private LocalDate sicknessStartDate;
        private LocalDate sicknessEndDate;
        private LocalDate returnToWorkDate;
        private LocalDate notificationDate;

        private Builder(LocalDate effectiveDate, AbsenceOperation operation, String assignmentNumber, String reference) {
            this.effectiveDate = effectiveDate;
            this.operation = operation;
            this.assignmentNumber = assignmentNumber;
            this.reference = reference;
        }

        public Builder employeeReference(String value) {
            employeeReference = value;
            return this;
        }

        public Builder type(String type, String reason) {
            absenceType = type;
            absenceReason = reason;
            return this;
        }

        public Builder start(LocalDate date, LocalTime time) {
            startDate = date;
            startTime = time;
            return this;
        }

        /** A null date means open-ended; the open-ended flag follows. */
        public Builder end(LocalDate date, LocalTime time) {
            endDate = date;
            endTime = time;
            return this;
        }

        /** "D" (days) or "H" (hours), from the absence mapping. */
        public Builder units(String value) {
            units = value;
            return this;
        }

        public Builder durationDays(BigDecimal days) {
            durationDays = days;
            return this;
        }

        public Builder durationHours(BigDecimal hours) {
            durationHours = hours;
            return this;
        }

        public Builder sickness(LocalDate start, LocalDate end) {
            sicknessStartDate = start;
            sicknessEndDate = end;
            return this;
        }

        public Builder returnToWorkDiscussion(LocalDate date) {
            returnToWorkDate = date;
            return this;
        }

        public Builder notified(LocalDate date) {
            notificationDate = date;
            return this;
        }

        public AbsenceRow build() {
            Boolean open = operation == AbsenceOperation.DEL ? null : endDate == null;
            return new AbsenceRow(effectiveDate, operation, employeeReference, assignmentNumber, absenceType,
                    absenceReason, startDate, startTime, endDate, endTime, durationDays, durationHours, units,
                    sicknessStartDate, sicknessEndDate, open, returnToWorkDate, reference, notificationDate);
        }
    }
}
