package health.patchwork.esr.attendance.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import health.patchwork.esr.support.workforce.AssignmentOnDate;
import health.patchwork.esr.support.workforce.AssignmentSlice;

/**
 * The checks a claim passes again just before its TA file goes, against the workforce as ESR's feed has it then and
 * against the other lines of the same assignment and day: the feed may have ended or changed the assignment after the
 * line was accepted. A hard failure holds the claim out of the file with its reason (it is re-checked at the next
 * export, and goes once the feed or the platform puts it right); a warning lets it go and is reported. Reversals are
 * never held: taking back pay already sent must not wait on the feed.
 */
final class ClaimChecks {

    /** What a check found; {@code hold} says whether it keeps the claim out of the file. */
    enum Check {
        ASSIGNMENT_NOT_IN_FEED(true),
        ASSIGNMENT_ENDED(true),
        OUTSIDE_ASSIGNMENT(true),
        OVER_24_HOURS(true),
        SAME_DAY_AND_PAY_CODE(false);

        private final boolean hold;

        Check(boolean hold) {
            this.hold = hold;
        }

        boolean hold() {
            return hold;
        }
    }

    /** A claim about to go, or one of the live lines of its assignment and day. */
    record Claim(String lineId, String assignmentNumber, LocalDate dateWorked, String payCode, BigDecimal quantity) {
    }

    record Finding(String lineId, Check check, String reason) {
    }

    private static final BigDecimal DAY = new BigDecimal("24");

    private final Collection<String> inactiveStatuses;
    private final Predicate<String> countsAsWorkedHours;

    /**
     * @param inactiveStatuses    assignment statuses that take no pay
     * @param countsAsWorkedHours whether a pay code's quantity is time worked (and adds up towards a day's 24 hours),
     *                            rather than an enhancement paid on hours already counted, or units
     */
    ClaimChecks(Collection<String> inactiveStatuses, Predicate<String> countsAsWorkedHours) {
        this.inactiveStatuses = List.copyOf(inactiveStatuses);
        this.countsAsWorkedHours = countsAsWorkedHours;
    }

    /**
     * The findings for {@code pending} claims, given the published slices of their assignments and every live line
     * (current version, not withdrawn; sent or not) of their assignments and days, the pending ones among them.
     */
    List<Finding> check(List<Claim> pending, Map<String, List<AssignmentSlice>> slices, List<Claim> liveSameDay) {
        List<Finding> findings = new ArrayList<>();
        Map<Day, List<Claim>> byDay = liveSameDay.stream().collect(Collectors.groupingBy(Day::of));
        Map<Day, BigDecimal> hours = new HashMap<>();
        byDay.forEach((day, lines) -> hours.put(day, lines.stream().filter(c -> countsAsWorkedHours.test(c.payCode()))
                .map(Claim::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)));
        for (Claim claim : pending) {
            AssignmentOnDate standing = AssignmentOnDate.of(slices.get(claim.assignmentNumber()), claim.dateWorked(),
                    inactiveStatuses);
            if (!standing.payable()) {
                findings.add(new Finding(claim.lineId(), switch (standing.finding()) {
                    case NOT_IN_FEED -> Check.ASSIGNMENT_NOT_IN_FEED;
                    case ENDED -> Check.ASSIGNMENT_ENDED;
                    default -> Check.OUTSIDE_ASSIGNMENT;
                }, standing.reason("date worked", claim.dateWorked())));
            }
            Day day = Day.of(claim);
            BigDecimal worked = hours.getOrDefault(day, BigDecimal.ZERO);
            if (countsAsWorkedHours.test(claim.payCode()) && worked.compareTo(DAY) > 0) {
                findings.add(new Finding(claim.lineId(), Check.OVER_24_HOURS, worked.stripTrailingZeros()
                        .toPlainString() + " hours claimed for the assignment on " + claim.dateWorked()
                        + ", across " + byDay.get(day).size() + " lines"));
            }
            Set<String> others = byDay.getOrDefault(day, List.of()).stream()
                    .filter(c -> c.payCode().equals(claim.payCode()) && !c.lineId().equals(claim.lineId()))
                    .map(Claim::lineId).collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!others.isEmpty()) {
                findings.add(new Finding(claim.lineId(), Check.SAME_DAY_AND_PAY_CODE, "line(s) " + String.join(", ",
                        others) + " claim the same pay code " + claim.payCode() + " for the assignment on "
                        + claim.dateWorked()));
            }
        }
        return findings;
    }

    private record Day(String assignmentNumber, LocalDate date) {
        static Day of(Claim claim) {
            return new Day(claim.assignmentNumber(), claim.dateWorked());
        }
    }
}
