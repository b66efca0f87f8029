package health.patchwork.esr.support.payroll;

import java.time.Instant;

import health.patchwork.esr.formats.name.PeriodRun;

/**
 * The answer a bank worker and a payroll officer want for every line: which payroll, period and run it goes in, when
 * that run is cut off, and whether it is late.
 *
 * @param placement where it goes (payroll, period, the period's cut-off)
 * @param run       the normal run, or a supplementary one for a line that missed the normal run
 * @param lateness  see {@link Lateness}
 */
public record PayDate(PayPlacement placement, PeriodRun run, Lateness lateness) {

    public enum Lateness {
        /** Before the cut-off, into the period's normal run. */
        ON_TIME,
        /** After the cut-off, but the period's normal run has not been made yet: it still goes into it. */
        AFTER_CUT_OFF,
        /** After the period's normal run: into a supplementary run of the same period. */
        SUPPLEMENTARY_RUN,
        /** Its own period is closed: into the next open period. */
        NEXT_PERIOD
    }

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
