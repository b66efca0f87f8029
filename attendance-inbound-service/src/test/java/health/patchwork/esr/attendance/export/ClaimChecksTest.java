package health.patchwork.esr.attendance.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import health.patchwork.esr.attendance.export.ClaimChecks.Check;
import health.patchwork.esr.attendance.export.ClaimChecks.Claim;
import health.patchwork.esr.attendance.export.ClaimChecks.Finding;
import health.patchwork.esr.support.workforce.AssignmentSlice;

import org.junit.jupiter.api.Test;

/** Each check before a TA file goes, on its own and together. */
class ClaimChecksTest {

    private static final LocalDate SAT = LocalDate.of(2026, 10, 24);
    private static final Map<String, List<AssignmentSlice>> ACTIVE = Map.of("20000001", List.of(
            new AssignmentSlice(LocalDate.of(2026, 1, 1), null, "ACTIVE_ASSIGN", "123 Monthly")));

    // BANK is time worked; NIGHT is an enhancement paid on hours BANK already counts
    private final ClaimChecks checks = new ClaimChecks(List.of("TERM_ASSIGN"), Set.of("BANK", "OT")::contains);

    private static Claim claim(String lineId, String payCode, String hours) {
        return new Claim(lineId, "20000001", SAT, payCode, new BigDecimal(hours));
    }

    @Test
    void aClaimOnAPayableAssignmentWithinTheDayPasses() {
        Claim shift = claim("S1", "BANK", "11.5");
        Claim night = claim("S1N", "NIGHT", "11.5");

        assertThat(checks.check(List.of(shift, night), ACTIVE, List.of(shift, night))).isEmpty();
    }

    @Test
    void anAssignmentEndedBeforeTheDateWorkedHoldsTheClaim() {
        Map<String, List<AssignmentSlice>> ended = Map.of("20000001", List.of(
                new AssignmentSlice(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 20), "ACTIVE_ASSIGN", null),
                new AssignmentSlice(LocalDate.of(2026, 10, 21), null, "TERM_ASSIGN", null)));
        Claim shift = claim("S1", "BANK", "7.5");

        assertThat(checks.check(List.of(shift), ended, List.of(shift))).singleElement()
                .satisfies(f -> {
                    assertThat(f.check()).isEqualTo(Check.ASSIGNMENT_ENDED);
                    assertThat(f.check().hold()).isTrue();
                    assertThat(f.reason()).isEqualTo("assignment ended on 2026-10-20, before the date worked 2026-10-24");
                });
    }

    @Test
    void aDateOutsideEverySliceHoldsTheClaim() {
        Map<String, List<AssignmentSlice>> later = Map.of("20000001", List.of(
                new AssignmentSlice(LocalDate.of(2026, 11, 1), null, "ACTIVE_ASSIGN", null)));
        Claim shift = claim("S1", "BANK", "7.5");

        assertThat(checks.check(List.of(shift), later, List.of(shift))).extracting(Finding::check)
                .containsExactly(Check.OUTSIDE_ASSIGNMENT);
        assertThat(checks.check(List.of(shift), Map.of(), List.of(shift))).extracting(Finding::check)
                .containsExactly(Check.ASSIGNMENT_NOT_IN_FEED);
    }

    @Test
    void moreThan24HoursForOneAssignmentAndDayAcrossLinesHoldsThePendingOnes() {
        Claim sent = claim("S1", "BANK", "12.5");
        Claim pending = claim("S2", "OT", "12");

        List<Finding> findings = checks.check(List.of(pending), ACTIVE, List.of(sent, pending));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.lineId()).isEqualTo("S2");
            assertThat(f.check()).isEqualTo(Check.OVER_24_HOURS);
            assertThat(f.reason()).isEqualTo("24.5 hours claimed for the assignment on 2026-10-24, across 2 lines");
        });
        assertThat(checks.check(List.of(claim("S2", "OT", "11.5")), ACTIVE, List.of(sent, claim("S2", "OT", "11.5"))))
                .as("exactly 24 hours is a day").isEmpty();
    }

    @Test
    void aSecondLineForTheSameDayAndPayCodeIsAWarningThatLetsTheClaimGo() {
        Claim first = claim("S1", "BANK", "4");
        Claim second = claim("S2", "BANK", "4");

        List<Finding> findings = checks.check(List.of(second), ACTIVE, List.of(first, second));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.SAME_DAY_AND_PAY_CODE);
            assertThat(f.check().hold()).isFalse();
            assertThat(f.reason()).isEqualTo("line(s) S1 claim the same pay code BANK for the assignment on 2026-10-24");
        });
    }
}
