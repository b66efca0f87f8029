package health.patchwork.esr.formats.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaxCalendarTest {

    /** docs/spec/inbound-files.md §1.3 worked examples. */
    @ParameterizedTest(name = "{0} {1} -> {2}{3}")
    @CsvSource({
            "2026-11-03, M, 27, 08",
            "2026-04-03, M, 27, 01",
            "2026-04-05, W, 26, 53",
            "2026-04-06, W, 27, 01",
            "2027-01-15, W, 27, 41",
            "2027-01-15, F, 27, 21",
            "2027-01-15, L, 27, 11",
            "2027-03-31, M, 27, 12"})
    void workedExamples(LocalDate date, char type, String yy, String pp) {
        TaxPeriod p = TaxCalendar.standard().periodOf(date, PeriodType.fromCode(type).orElseThrow());

        assertThat(p.yy()).isEqualTo(yy);
        assertThat(p.pp()).isEqualTo(pp);
    }

    @Test
    void periodsStayInRangeAcrossLeapYears() {
        LocalDate d = LocalDate.of(2023, 4, 6);
        for (int i = 0; i < 366 * 4; i++, d = d.plusDays(1)) {
            for (PeriodType t : PeriodType.values()) {
                assertThat(TaxCalendar.standard().periodOf(d, t).period()).isBetween(1, t.maxPeriod());
            }
        }
        assertThat(TaxCalendar.standard().periodOf(LocalDate.of(2024, 4, 4), PeriodType.LUNAR).period()).isEqualTo(13);
    }

    @Test
    void aTrustPayrollCalendarOverridesTheFormulas() {
        TaxCalendar calendar = TaxCalendar.withOverrides(List.of(new PayrollCalendarEntry(PeriodType.MONTHLY,
                LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 25), new TaxPeriod(27, 8))));

        assertThat(calendar.periodOf(LocalDate.of(2026, 10, 27), PeriodType.MONTHLY)).isEqualTo(new TaxPeriod(27, 8));
        assertThat(calendar.periodOf(LocalDate.of(2026, 10, 25), PeriodType.MONTHLY)).isEqualTo(new TaxPeriod(27, 7));
        assertThat(calendar.periodOf(LocalDate.of(2026, 10, 27), PeriodType.WEEKLY)).isEqualTo(new TaxPeriod(27, 30));
    }
}
