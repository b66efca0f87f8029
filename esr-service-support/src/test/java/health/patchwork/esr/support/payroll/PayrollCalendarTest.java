package health.patchwork.esr.support.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.name.PeriodRun;

import org.junit.jupiter.api.Test;

/**
 * Each payroll type's periods and cut-offs, worked out by hand from docs/spec/inbound-files.md §1.3: tax week 1 of
 * 2026/27 starts on Monday 6 April 2026, so a line worked on Wednesday 21 October 2026 is in tax week 29 (19–25
 * October), fortnight 15 (19 October – 1 November), lunar period 8 (19 October – 15 November) and October.
 */
class PayrollCalendarTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 10, 21);

    @Test
    void aWeeklyBankPayrollCutsTheWeekOffOnMondayMorningAndPaysItInTheNextTaxWeek() {
        PayrollCalendar weekly = payroll(PeriodType.WEEKLY, 1, "09:00", List.of(), List.of());

        PayPlacement p = weekly.placementOf(WEDNESDAY);

        // Monday 26 October, after the clocks went back: 09:00 UK is 09:00 UTC
        assertThat(p.cutOff()).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        assertThat(p.periodId()).isEqualTo("W2730");
        assertThat(weekly.placementOf(LocalDate.of(2026, 10, 25))).isEqualTo(p);
        assertThat(weekly.placementOf(LocalDate.of(2026, 10, 26)).periodId()).isEqualTo("W2731");
    }

    @Test
    void aFortnightlyPayrollCutsOffAfterItsFortnight() {
        PayPlacement p = payroll(PeriodType.FORTNIGHTLY, 3, "09:30", List.of(), List.of()).placementOf(WEDNESDAY);

        assertThat(p.cutOff()).isEqualTo(Instant.parse("2026-11-04T09:30:00Z"));
        assertThat(p.periodId()).isEqualTo("F2716");
    }

    @Test
    void aFourWeeklyPayrollCutsOffAfterItsFourWeeks() {
        PayPlacement p = payroll(PeriodType.LUNAR, 3, "09:30", List.of(), List.of()).placementOf(WEDNESDAY);

        assertThat(p.cutOff()).isEqualTo(Instant.parse("2026-11-18T09:30:00Z"));
        assertThat(p.periodId()).isEqualTo("L2709");
    }

    @Test
    void aMonthlyPayrollCutsOctoberOffOnTheThirdOfNovember() {
        PayPlacement p = monthly(List.of()).placementOf(WEDNESDAY);

        assertThat(p.cutOff()).isEqualTo(Instant.parse("2026-11-03T09:30:00Z"));
        assertThat(p.periodId()).isEqualTo("M2708");
        assertThat(p.payroll()).isEqualTo("123 Monthly");
    }

    @Test
    void aBankHolidayMoveOfACutOffIsATimetableEntry() {
        var moved = new PayrollSettings.TimetableEntry(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 25), 27, 30,
                LocalDateTime.of(2026, 10, 27, 9, 0));
        PayrollCalendar weekly = payroll(PeriodType.WEEKLY, 1, "09:00", List.of(moved), List.of());

        assertThat(weekly.placementOf(WEDNESDAY).cutOff()).isEqualTo(Instant.parse("2026-10-27T09:00:00Z"));
        assertThat(weekly.placementOf(LocalDate.of(2026, 10, 28)).cutOff())
                .as("the week after keeps the rule").isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
    }

    @Test
    void aLineBeforeTheCutOffGoesInTheNormalRunAndALateOneInASupplementaryRun() {
        PayrollCalendar monthly = monthly(List.of());

        PayDate onTime = Payrolls.payDate(monthly, WEDNESDAY, LocalDate.of(2026, 11, 3),
                Instant.parse("2026-11-03T09:30:00Z")).orElseThrow();
        PayDate late = Payrolls.payDate(monthly, WEDNESDAY, LocalDate.of(2026, 11, 3),
                Instant.parse("2026-11-03T09:30:01Z")).orElseThrow();

        assertThat(onTime.run()).isEqualTo(PeriodRun.NORMAL);
        assertThat(onTime.late()).isFalse();
        assertThat(late.run()).isEqualTo(PeriodRun.SUPPLEMENTARY);
        assertThat(late.lateness()).isEqualTo(PayDate.Lateness.SUPPLEMENTARY_RUN);
        assertThat(late.periodId()).isEqualTo("M2708");
    }

    @Test
    void aLateLineForAClosedPeriodGoesIntoTheNextOpenPeriodAndSaysSo() {
        PayrollCalendar monthly = monthly(List.of("2708"));

        PayDate late = Payrolls.payDate(monthly, WEDNESDAY, LocalDate.of(2026, 11, 5),
                Instant.parse("2026-11-05T12:00:00Z")).orElseThrow();

        assertThat(late.lateness()).isEqualTo(PayDate.Lateness.NEXT_PERIOD);
        assertThat(late.periodId()).isEqualTo("M2709");
        assertThat(late.cutOff()).isEqualTo(Instant.parse("2026-12-03T09:30:00Z"));
        assertThat(late.run()).isEqualTo(PeriodRun.NORMAL);
    }

    @Test
    void pastTheLateLineWindowThereIsNoRunLeft() {
        assertThat(Payrolls.payDate(monthly(List.of()), WEDNESDAY, LocalDate.of(2027, 2, 4),
                Instant.parse("2027-02-04T12:00:00Z"))).isEmpty();
    }

    @Test
    void theComingCutOffsAreListedSoonestFirstSkippingClosedPeriods() {
        Instant now = Instant.parse("2026-10-21T12:00:00Z");

        assertThat(monthly(List.of()).comingCutOffs(WEDNESDAY, now, 3)).extracting(PayPlacement::periodId)
                .containsExactly("M2708", "M2709", "M2710");
        assertThat(monthly(List.of("2709")).comingCutOffs(WEDNESDAY, now, 2)).extracting(PayPlacement::periodId)
                .containsExactly("M2708", "M2710");
        assertThat(payroll(PeriodType.WEEKLY, 1, "09:00", List.of(), List.of()).comingCutOffs(WEDNESDAY, now, 2))
                .extracting(PayPlacement::cutOff)
                .containsExactly(Instant.parse("2026-10-26T09:00:00Z"), Instant.parse("2026-11-02T09:00:00Z"));
    }

    @Test
    void withNoPayrollsConfiguredTheSinglePayrollTakesEveryAssignment() {
        Payrolls none = Payrolls.of(new PayrollSettings(java.util.Map.of()), monthly(List.of()));

        assertThat(none.configured()).isFalse();
        assertThat(none.forAssignment(null)).get().extracting(PayrollCalendar::name).isEqualTo("123 Monthly");
        assertThat(none.forAssignment("123 Weekly Bank")).get().extracting(PayrollCalendar::name)
                .isEqualTo("123 Monthly");
        assertThat(none.named(null)).as("null names the single payroll, as its stored entries do").isPresent();
        assertThat(none.named("123 Weekly Bank")).isEmpty();
    }

    @Test
    void withPayrollsConfiguredAnAssignmentGoesToItsOwnAndAnUnknownPayrollToNone() {
        var weekly = new PayrollSettings.Payroll("123 Weekly Bank", "W", new PayrollSettings.CutOff(1,
                LocalTime.of(9, 0)), Duration.ofDays(92), List.of(), List.of());
        var monthly = new PayrollSettings.Payroll(null, "M", new PayrollSettings.CutOff(3, LocalTime.of(9, 30)),
                Duration.ofDays(92), List.of(), List.of());
        Payrolls payrolls = Payrolls.of(new PayrollSettings(java.util.Map.of("bank", weekly, "123 Monthly", monthly)),
                monthly(List.of()));

        assertThat(payrolls.forAssignment("123 Weekly Bank")).get().extracting(PayrollCalendar::periodType)
                .isEqualTo(PeriodType.WEEKLY);
        assertThat(payrolls.forAssignment(" 123 monthly")).get().extracting(PayrollCalendar::periodType)
                .isEqualTo(PeriodType.MONTHLY);
        assertThat(payrolls.forAssignment("123 Medical Staff")).isEmpty();
        assertThat(payrolls.forAssignment(null)).isEmpty();
        assertThat(payrolls.all()).hasSize(2);
        assertThat(payrolls.named(null)).as("no single payroll once payrolls are configured").isEmpty();
    }

    private static PayrollCalendar monthly(List<String> closed) {
        return new PayrollCalendar("123 Monthly", PeriodType.MONTHLY, new PayrollSettings.CutOff(3,
                LocalTime.of(9, 30)), Duration.ofDays(92), List.of(), closed);
    }

    private static PayrollCalendar payroll(PeriodType type, int days, String time,
                                           List<PayrollSettings.TimetableEntry> timetable, List<String> closed) {
        return new PayrollCalendar("123 " + type, type, new PayrollSettings.CutOff(days, LocalTime.parse(time)),
                Duration.ofDays(92), timetable, closed);
    }
}
