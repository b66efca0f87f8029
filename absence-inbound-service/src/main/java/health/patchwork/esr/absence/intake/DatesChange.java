package health.patchwork.esr.absence.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code PUT /api/v1/absences/{absenceId}/dates}: the new dates, times, units and open-ended flag, replacing the old
 * ones as a whole. Before export the absence simply changes; after export the next file carries END (an open-ended
 * absence now closed) or DEL then ADD (docs/spec/inbound-files.md §3.4).
 */
public record DatesChange(LocalDate startDate,
        @Schema(type = "string", example = "08:00") LocalTime startTime,
        LocalDate endDate,
        @Schema(type = "string", example = "15:30") LocalTime endTime,
        BigDecimal units, Boolean openEnded, LocalDate returnToWorkDate) {
}
