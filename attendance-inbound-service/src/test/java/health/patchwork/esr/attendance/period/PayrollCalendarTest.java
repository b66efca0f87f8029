package health.patchwork.esr.attendance.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import health.patchwork.esr.support.inbound.InboundFileSettings;

import org.junit.jupiter.api.Test;

class PayrollCalendarTest {

    static PayrollCalendar calendar(String type, List<PayrollCalendarSettings.Period> periods) {
        return new PayrollCalendar(new InboundFileSettings("PWH", type),
                new PayrollCalendarSettings(3, LocalTime.of(9, 30), Duration.ofDays(92), periods),
                Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC));
    }

    static String placed(PayrollCalendar c, String date) {
        Placement p = c.placementOf(LocalDate.parse(date));
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
        assertThat(calendar("L", List.of()).workPeriodEnd(LocalDate.parse("2027-03-20")))
                .isEqualTo(LocalDate.parse("2027-04-05"));
        // week 53 is the last day or two of the tax year
        assertThat(calendar("W", List.of()).workPeriodEnd(LocalDate.parse("2026-04-05")))
                .isEqualTo(LocalDate.parse("2026-04-05"));
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
        PayrollCalendar c = calendar("M", List.of());
        assertThat(c.isClosed(c.placementOf(LocalDate.parse("2026-07-31")))).as("cut off 3 Aug + 92 days").isFalse();
        assertThat(c.isClosed(c.placementOf(LocalDate.parse("2026-06-30")))).isTrue();
        assertThat(c.placementForCorrection(LocalDate.parse("2026-06-30")).period().pp())
                .as("a correction of a closed period goes with today's work").isEqualTo("09");
    }
}
