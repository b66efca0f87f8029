package health.patchwork.esr.attendance.period;

import java.time.Instant;

import health.patchwork.esr.formats.calendar.TaxPeriod;

/**
 * Where a line goes: the payroll period whose TA file carries it, and when that period's normal run is cut off.
 */
public record Placement(TaxPeriod period, Instant cutOff) {
}
