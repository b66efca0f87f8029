package health.patchwork.esr.attendance.period;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.patchwork.esr.support.payroll.PayDate;

/**
 * The pay-date answer as the platform reads it, in a line's response and status: the payroll (left out for the
 * single payroll of a deployment without payroll settings), the payroll period ({@code <T><YY><PP>}, as in the file
 * name), the run ({@code NORMAL} or {@code SUPPLEMENTARY}), the cut-off of the period's normal run, and whether the
 * line is late: {@code SUPPLEMENTARY_RUN} (after its period's normal run) or {@code NEXT_PERIOD} (its own period is
 * closed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PayDateView(String payroll, String period, String run, Instant cutOff, boolean late,
                          PayDate.Lateness lateness) {

    public static PayDateView of(PayDate date) {
        return date == null ? null : new PayDateView(date.payroll(), date.periodId(), date.run().name(),
                date.cutOff(), date.late(), date.lateness());
    }
}
