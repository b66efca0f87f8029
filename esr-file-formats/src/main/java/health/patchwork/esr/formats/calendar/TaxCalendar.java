package health.patchwork.esr.formats.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Tax year and payroll period of a reference date (docs/spec/inbound-files.md §1.3). The UK tax year runs from
 * 6 April to 5 April; YY is the year in which it ends. Monthly payrolls use calendar months (April = 1),
 * weekly ones the tax week, fortnightly ⌈week/2⌉, lunar min(13, ⌈week/4⌉). Entries of a Trust's own payroll
 * calendar, when given, win over these formulas ([D]: confirm the W/F/L rules with ESR).
 */
public final class TaxCalendar {

    private final List<PayrollCalendarEntry> overrides;

    private TaxCalendar(List<PayrollCalendarEntry> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    /** The formulas only. */
    public static TaxCalendar standard() {
        return new TaxCalendar(List.of());
    }

    /** The formulas, overridden by a Trust's payroll calendar where an entry covers the date. */
    public static TaxCalendar withOverrides(List<PayrollCalendarEntry> entries) {
        return new TaxCalendar(entries);
    }

    public TaxPeriod periodOf(LocalDate date, PeriodType type) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        for (PayrollCalendarEntry e : overrides) {
            if (e.covers(date, type)) {
                return e.period();
            }
        }
        if (type == PeriodType.MONTHLY) {
            int month = date.getMonthValue();
            int period = (month + 8) % 12 + 1;
            int endYear = month >= 4 ? date.getYear() + 1 : date.getYear();
            return new TaxPeriod(endYear % 100, period);
        }
        LocalDate start = taxYearStart(date);
        int week = 1 + (int) (ChronoUnit.DAYS.between(start, date) / 7);
        int period = switch (type) {
            case WEEKLY -> week;
            case FORTNIGHTLY -> (week + 1) / 2;
            case LUNAR -> Math.min(13, (week + 3) / 4);
            case MONTHLY -> throw new IllegalStateException();
        };
        return new TaxPeriod((start.getYear() + 1) % 100, period);
    }

    /** 6 April on or before the date. */
    public static LocalDate taxYearStart(LocalDate date) {
        LocalDate sixthOfApril = LocalDate.of(date.getYear(), 4, 6);
        return date.isBefore(sixthOfApril) ? sixthOfApril.minusYears(1) : sixthOfApril;
    }
}
