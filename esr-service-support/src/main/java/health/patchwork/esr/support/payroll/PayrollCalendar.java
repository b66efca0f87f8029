package health.patchwork.esr.support.payroll;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxCalendar;
import health.patchwork.esr.formats.calendar.TaxPeriod;

/**
 * One payroll's periods and cut-offs. A line's work period follows from the date worked (docs/spec/inbound-files.md
 * §1.3); it is cut off {@code days-after-period-end} days after its last day at the cut-off time (UK), and its lines
 * go into the file of the payroll period the cut-off falls in: for a monthly payroll with the defaults, October's
 * shifts are cut off on 3 November at 09:30 and sent as {@code MN..08}. Timetable entries override the rule for the
 * dates they cover.
 */
public final class PayrollCalendar {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    /** How far ahead a payroll's coming cut-offs are looked for: beyond a year, the timetable will have moved. */
    private static final int HORIZON_DAYS = 400;

    private final String name;
    private final PeriodType type;
    private final PayrollSettings.CutOff cutOff;
    private final Duration lateLinesAcceptedFor;
    private final List<PayrollSettings.TimetableEntry> timetable;
    private final Set<TaxPeriod> closed;
    private final TaxCalendar tax = TaxCalendar.standard();

    public PayrollCalendar(String name, PeriodType type, PayrollSettings.CutOff cutOff, Duration lateLinesAcceptedFor,
                           List<PayrollSettings.TimetableEntry> timetable, List<String> closedPeriods) {
        this.name = name;
        this.type = type;
        this.cutOff = cutOff;
        this.lateLinesAcceptedFor = lateLinesAcceptedFor;
        this.timetable = List.copyOf(timetable);
        this.closed = closedPeriods.stream()
                .map(p -> new TaxPeriod(Integer.parseInt(p.substring(0, 2)), Integer.parseInt(p.substring(2))))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The calendar of one configured payroll. */
    static PayrollCalendar of(String key, PayrollSettings.Payroll payroll) {
        return new PayrollCalendar(payroll.esrName(key), PeriodType.fromCode(payroll.periodType().charAt(0))
                .orElseThrow(), payroll.cutOff(), payroll.lateLinesAcceptedFor(), payroll.timetable(),
                payroll.closedPeriods());
    }

    /** ESR's name of the payroll; null for the single payroll of a deployment without payroll settings. */
    public String name() {
        return name;
    }

    public PeriodType periodType() {
        return type;
    }

    /** The period and cut-off of a line worked on {@code date}. */
    public PayPlacement placementOf(LocalDate date) {
        for (PayrollSettings.TimetableEntry e : timetable) {
            if (!date.isBefore(e.from()) && !date.isAfter(e.to())) {
                return new PayPlacement(name, type, new TaxPeriod(e.taxYear(), e.period()),
                        e.cutOff().atZone(UK).toInstant());
            }
        }
        LocalDate cutOffDay = workPeriodEnd(date).plusDays(cutOff.daysAfterPeriodEnd());
        return new PayPlacement(name, type, tax.periodOf(cutOffDay, type),
                cutOffDay.atTime(cutOff.time()).atZone(UK).toInstant());
    }

    /**
     * Closed: ESR takes nothing more for the period, because the late-line window after its cut-off has passed or
     * the payroll's settings close it.
     */
    public boolean isClosed(PayPlacement placement, Instant now) {
        return closed.contains(placement.period()) || now.isAfter(placement.cutOff().plus(lateLinesAcceptedFor));
    }

    /** Closed by the payroll's settings ({@code closed-periods}), whatever the late-line window says. */
    public boolean isClosedBySettings(PayPlacement placement) {
        return closed.contains(placement.period());
    }

    /**
     * The first period still open on {@code today} for work that missed a closed one: today's own, or the next one
     * whose cut-off is to come and that the settings have not closed.
     */
    public PayPlacement nextOpenFrom(LocalDate today, Instant now) {
        for (LocalDate d = today; d.isBefore(today.plusDays(HORIZON_DAYS)); d = d.plusDays(1)) {
            PayPlacement p = placementOf(d);
            if (!closed.contains(p.period()) && p.cutOff().isAfter(now)) {
                return p;
            }
        }
        throw new IllegalStateException((name == null ? "The payroll" : "Payroll " + name) + " has no open period in the coming " + HORIZON_DAYS
                + " days: check its closed periods and timetable");
    }

    /** The payroll's next cut-offs after {@code now}, soonest first, for work from {@code today} on. */
    public List<PayPlacement> comingCutOffs(LocalDate today, Instant now, int count) {
        Map<TaxPeriod, PayPlacement> coming = new LinkedHashMap<>();
        // work done a period back may still be cut off in the future: start one longest period before today
        for (LocalDate d = today.minusDays(31); coming.size() < count && d.isBefore(today.plusDays(HORIZON_DAYS));
             d = d.plusDays(1)) {
            PayPlacement p = placementOf(d);
            if (p.cutOff().isAfter(now) && !closed.contains(p.period())) {
                coming.putIfAbsent(p.period(), p);
            }
        }
        List<PayPlacement> sorted = new ArrayList<>(coming.values());
        sorted.sort(java.util.Comparator.comparing(PayPlacement::cutOff));
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    /** Last day of the work period (tax-calendar formulas) that contains {@code date}. */
    LocalDate workPeriodEnd(LocalDate date) {
        if (type == PeriodType.MONTHLY) {
            return date.withDayOfMonth(date.lengthOfMonth());
        }
        LocalDate start = TaxCalendar.taxYearStart(date);
        LocalDate lastOfYear = LocalDate.of(start.getYear() + 1, 4, 5);
        int period = tax.periodOf(date, type).period();
        int days = switch (type) {
            case WEEKLY -> 7;
            case FORTNIGHTLY -> 14;
            case LUNAR -> 28;
            case MONTHLY -> throw new IllegalStateException();
        };
        if (type == PeriodType.LUNAR && period == PeriodType.LUNAR.maxPeriod()) {
            return lastOfYear;
        }
        LocalDate end = start.plusDays((long) days * period - 1);
        return end.isAfter(lastOfYear) ? lastOfYear : end;
    }
}
