package health.patchwork.esr.attendance.ledger;

import java.time.Instant;

import health.patchwork.esr.formats.calendar.TaxPeriod;

/**
 * A payroll period with entries waiting for its next file.
 *
 * @param payroll ESR's name of the payroll; null for the single payroll of a deployment without payroll settings
 * @param cutOff  the earliest cut-off among the waiting entries (corrections placed later share the period)
 * @param lines   how many timesheet lines the waiting entries come from
 * @param rows    how many ATT rows wait
 */
public record PendingPeriod(String payroll, TaxPeriod period, Instant cutOff, int lines, int rows) {

    /** The period as operators and health details show it, e.g. {@code 2708}, or {@code 123 Weekly Bank 2735}. */
    public String label() {
        return (payroll == null ? "" : payroll + " ") + period.yy() + period.pp();
    }
}
