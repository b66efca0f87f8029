package health.patchwork.esr.absence.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/absences/{absenceId}/end}: the worker is back; closes an open-ended sickness. */
public record EndOfAbsence(LocalDate endDate,
        @Schema(type = "string", example = "12:00") LocalTime endTime,
        @Schema(description = "Calendar days; counted from the dates when left out") BigDecimal units,
        LocalDate returnToWorkDate) {
}
