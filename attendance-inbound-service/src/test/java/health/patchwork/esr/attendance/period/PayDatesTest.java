package health.patchwork.esr.attendance.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import java.util.Map;

import health.patchwork.esr.support.inbound.InboundFileSettings;
import health.patchwork.esr.support.payroll.PayPlacement;
import health.patchwork.esr.support.payroll.PayrollCalendar;
import health.patchwork.esr.support.payroll.PayrollSettings;

import org.junit.jupiter.api.Test;

/**
 * The single payroll of a deployment without payroll settings: built from {@code esr.inbound.period-type} and
 * {@code esr.attendance.calendar.*}, it places lines as the calendar always did.
 */
class PayDatesTest {

    static PayDates payDates(String type, List<PayrollCalendarSettings.Period> periods) {
        // the export ledger is only asked whether a normal run has gone, which placing a line never needs
        return new PayDates(new InboundFileSettings("PWH", type),
                new PayrollCalendarSettings(3, LocalTime.of(9, 30), Duration.ofDays(92), periods),
                new PayrollSettings(Map.of()), null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static PayrollCalendar calendar(String type, List<PayrollCalendarSettings.Period> periods) {
        return payDates(type, periods).ofStored(null);
    }

    private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

    static String placed(PayrollCalendar c, String date) {
        PayPlacement p = c.placementOf(LocalDate.parse(date));
        return p.period().yy() + p.period().pp() + " cut off " + p.cutOff();
    }

    @Test
    void monthlyWorkIsSentInTheFileOfTheMonthItsCutOffFallsIn() {
        PayrollCalendar monthly = calendar("M", List.of());
        assertThat(placed(monthly, "2026-10-01")).isEqualTo("2708 cut off 2026-11-03T09:30:00Z");
        assertThat(placed(monthly, "2026-10-31")).isEqualTo("2708 cut off 2026-11-03T09:30:00Z");
        // British Summer Time: 09:30 in London is 08:30 UTC
        assertThat(placed(monthly, "2026-09-15")).isEqualTo("2707 cut off 2026-10-03T08:30:00Z");
        assertThat(placed(monthly, "2027-03-31")).isEqualTo("2801 cut off 2027-04-03T08:30:00Z");
    }

    @Test
    void weeklyFortnightlyAndLunarPeriodsFollowTheTaxWeek() {
        // tax week 41 of 2026/27 runs 2027-01-11..2027-01-17; cut off 3 days later, in week 42
        assertThat(placed(calendar("W", List.of()), "2027-01-15")).isEqualTo("2742 cut off 2027-01-20T09:30:00Z");
        // fortnight 21 ends 2027-01-24; cut-off 2027-01-27 is in fortnight 22
        assertThat(placed(calendar("F", List.of()), "2027-01-15")).isEqualTo("2722 cut off 2027-01-27T09:30:00Z");
        // lunar period 11 ends 2027-02-07; cut-off 2027-02-10 is in period 12
        assertThat(placed(calendar("L", List.of()), "2027-01-15")).isEqualTo("2712 cut off 2027-02-10T09:30:00Z");
        // the last lunar period runs to 5 April
        assertThat(placed(calendar("L", List.of()), "2027-03-20")).isEqualTo("2801 cut off 2027-04-08T08:30:00Z");
        // week 53 is the last day or two of the tax year
        assertThat(placed(calendar("W", List.of()), "2026-04-05")).isEqualTo("2701 cut off 2026-04-08T08:30:00Z");
    }

    @Test
    void theSinglePayrollHasNoEsrNameAndALineTooLateForAnyRunHasNoPayDate() {
        PayDates dates = payDates("M", List.of());
        PayrollCalendar single = dates.ofStored(null);
        assertThat(single.name()).isNull();
        assertThat(dates.forAssignment("123 Weekly Bank")).as("without payroll settings every line goes to it")
                .contains(single);
        assertThat(dates.payDate(single, LocalDate.parse("2026-06-30"))).as("closed: cut off 3 Jul + 92 days")
                .isEmpty();
        assertThatThrownBy(() -> dates.ofStored("123 Weekly Bank")).hasMessageContaining("no longer names it");
    }

    @Test
    void anExplicitPeriodOverridesTheFormulas() {
        PayrollCalendar c = calendar("M", List.of(new PayrollCalendarSettings.Period(LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-28"), 27, 8, LocalDateTime.parse("2026-11-02T17:00:00"))));
        assertThat(placed(c, "2026-10-20")).isEqualTo("2708 cut off 2026-11-02T17:00:00Z");
        assertThat(placed(c, "2026-10-30")).isEqualTo("2708 cut off 2026-11-03T09:30:00Z");
    }

    @Test
    void aPeriodClosesWhenTheLateLineWindowAfterItsCutOffHasPassed() {
        PayDates dates = payDates("M", List.of());
        PayrollCalendar c = dates.ofStored(null);
        assertThat(c.isClosed(c.placementOf(LocalDate.parse("2026-07-31")), NOW)).as("cut off 3 Aug + 92 days")
                .isFalse();
        assertThat(c.isClosed(c.placementOf(LocalDate.parse("2026-06-30")), NOW)).isTrue();
        assertThat(dates.placementForCorrection(c, LocalDate.parse("2026-06-30")).period().pp())
                .as("a correction of a closed period goes with today's work").isEqualTo("09");
    }
}
