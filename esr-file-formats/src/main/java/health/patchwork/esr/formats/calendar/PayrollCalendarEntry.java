package health.patchwork.esr.formats.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a Trust's own payroll calendar ({@code payrollCalendar}): dates {@code from}..{@code to}
 * (inclusive) belong to {@code period}. {@code periodType} null applies to every frequency.
 */
public record PayrollCalendarEntry(PeriodType periodType, LocalDate from, LocalDate to, TaxPeriod period) {

    public PayrollCalendarEntry {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(period, "period");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("payroll calendar entry ends before it starts");
        }
    }

    public boolean covers(LocalDate date, PeriodType type) {
        return (periodType == null || periodType == type) && !date.isBefore(from) && !date.isAfter(to);
    }
}
