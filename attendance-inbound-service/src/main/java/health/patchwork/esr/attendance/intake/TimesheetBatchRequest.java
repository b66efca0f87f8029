package health.patchwork.esr.attendance.intake;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A batch of up to 1,000 lines. */
record TimesheetBatchRequest(
        @NotNull @Size(min = 1, max = 1000, message = "must hold 1 to 1000 lines") List<@NotNull TimesheetLineRequest> lines) {
}
