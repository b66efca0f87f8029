package health.patchwork.esr.absence.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import io.swagger.v3.oas.annotations.media.Schema;

import health.patchwork.esr.absence.mapping.AbsenceDetails;
import health.patchwork.esr.absence.store.StoredAbsence;

/**
 * One absence as the platform sends it.
 *
 * @param absenceId the platform's id: idempotency key and, with the configured prefix, the reference ESR sees
 * @param units calendar days for sickness, hours for leave (as the category's mapping says); for a closed absence in
 *              days it may be left out and is then counted from the dates
 */
public record AbsenceRequest(
        @Schema(description = "Platform absence id; upper-case letters, digits, hyphens", example = "A000131")
        String absenceId,
        @Schema(description = "ESR assignment number", example = "20000001-2") String assignmentNumber,
        @Schema(description = "SICKNESS, ANNUAL_LEAVE, STUDY_LEAVE or OTHER_LEAVE", example = "SICKNESS") String category,
        @Schema(description = "Platform reason; for sickness a national level-1 reason code such as S12, or a configured"
                + " platform reason") String reason,
        LocalDate startDate,
        @Schema(type = "string", example = "08:00", description = "Part-day absences only") LocalTime startTime,
        @Schema(description = "Empty while open-ended") LocalDate endDate,
        @Schema(type = "string", example = "15:30") LocalTime endTime,
        @Schema(description = "Calendar days (sickness) or hours (leave)", example = "7.5") BigDecimal units,
        @Schema(description = "Sickness still running") Boolean openEnded,
        LocalDate returnToWorkDate,
        LocalDate notificationDate) {

    /** The values the platform would send to reproduce a stored absence, for re-validating a change. */
    static AbsenceRequest of(StoredAbsence stored) {
        AbsenceDetails details = stored.details();
        return new AbsenceRequest(stored.absenceId(), details.assignmentNumber(), stored.category().name(),
                stored.platformReason(), details.startDate(), details.startTime(), details.endDate(),
                details.endTime(), details.duration(), details.openEnded(), details.returnToWorkDate(),
                details.notificationDate());
    }

    /** A stable text of the submitted values, for the idempotency hash. */
    String canonical() {
        return String.join("|", String.valueOf(absenceId), String.valueOf(assignmentNumber), String.valueOf(category),
                String.valueOf(reason), String.valueOf(startDate), String.valueOf(startTime), String.valueOf(endDate),
                String.valueOf(endTime), units == null ? "null" : units.stripTrailingZeros().toPlainString(),
                String.valueOf(Boolean.TRUE.equals(openEnded)), String.valueOf(returnToWorkDate),
                String.valueOf(notificationDate));
    }
}
