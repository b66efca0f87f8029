package health.patchwork.esr.support.payroll;

import java.time.Instant;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxPeriod;

/**
 * Where a line goes: the payroll, the payroll period whose file carries it, and when that period's normal run is
 * cut off.
 *
 * @param payroll    ESR's name of the payroll; null for the single payroll of a deployment without payroll settings
 * @param periodType the payroll's frequency, {@code <T>} of its files
 * @param period     {@code <YY><PP>} of its files
 * @param cutOff     when the period's normal run is cut off
 */
public record PayPlacement(String payroll, PeriodType periodType, TaxPeriod period, Instant cutOff) {

    /** The period as operators and file names know it, e.g. {@code M2708}. */
    public String periodId() {
        return periodType.code() + period.yy() + period.pp();
    }
}
