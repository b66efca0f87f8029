package health.patchwork.esr.support.payroll;

import java.time.Instant;

import health.patchwork.esr.formats.name.PeriodRun;

/**
 * The answer a bank worker and a payroll officer want for every line: which payroll, period and run it goes in, when
 * that run is cut off, and whether it is late.
 *
 * @param placement where it goes (payroll, period, the period's cut-off)
 * @param run       the normal run, or a supplementary one for a line that missed the normal run
 * @param lateness  on time; late into a supplementary run of its own period; or late into the next open period,
 *                  its own being closed
 */
public record PayDate(PayPlacement placement, PeriodRun run, Lateness lateness) {

    public enum Lateness { ON_TIME, SUPPLEMENTARY_RUN, NEXT_PERIOD }

    public String payroll() {
        return placement.payroll();
    }

    public String periodId() {
        return placement.periodId();
    }

    public Instant cutOff() {
        return placement.cutOff();
    }

    public boolean late() {
        return lateness != Lateness.ON_TIME;
    }
}
