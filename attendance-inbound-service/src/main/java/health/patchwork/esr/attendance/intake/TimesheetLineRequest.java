package health.patchwork.esr.attendance.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One approved timesheet line as the platform posts it. Every field is checked line by line (not by bean
 * validation), so that one bad line does not refuse the batch.
 */
@Schema(description = "An approved worked shift x pay code")
record TimesheetLineRequest(
        @Schema(description = "The platform's line id: the idempotency key", example = "shift-7781/OT")
        String lineId,
        @Schema(description = "ESR assignment number worked", example = "20000001-2")
        String assignmentNumber,
        @Schema(description = "Date the work was done (earned date)", example = "2026-10-25")
        LocalDate dateWorked,
        @Schema(description = "Platform pay code, mapped to an ESR element", example = "BANK")
        String payCode,
        @Schema(description = "Hours (or units), at most 2 decimals", example = "11.5")
        BigDecimal quantity,
        @Schema(description = "Rate, only where the pay code takes one")
        BigDecimal rate,
        @Schema(description = "Amount, only where the pay code takes one")
        BigDecimal amount,
        @Schema(description = "Cost-centre override, e.g. a shift worked in another department", example = "123A7200")
        String costCentre) {
}
