package health.patchwork.esr.attendance.period;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxCalendar;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.inbound.InboundFileSettings;

import org.springframework.stereotype.Component;

/** Payroll periods and cut-offs of this Trust (see {@link PayrollCalendarSettings}). */
@Component
public class PayrollCalendar {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private final PeriodType type;
    private final PayrollCalendarSettings settings;
    private final TaxCalendar tax = TaxCalendar.standard();
    private final Clock clock;

    public PayrollCalendar(InboundFileSettings inbound, PayrollCalendarSettings settings, Clock clock) {
        this.type = PeriodType.fromCode(inbound.periodType().charAt(0)).orElseThrow();
        this.settings = settings;
        this.clock = clock;
    }

    public PeriodType periodType() {
        return type;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    public Instant now() {
        return clock.instant();
    }

    /** The period and cut-off of a line worked on {@code date}. */
    public Placement placementOf(LocalDate date) {
        for (PayrollCalendarSettings.Period p : settings.periods()) {
            if (!date.isBefore(p.from()) && !date.isAfter(p.to())) {
                return new Placement(new TaxPeriod(p.taxYear(), p.period()), p.cutOff().atZone(UK).toInstant());
            }
        }
        LocalDate cutOffDay = workPeriodEnd(date).plusDays(settings.cutOffDaysAfterPeriodEnd());
        return new Placement(tax.periodOf(cutOffDay, type),
                cutOffDay.atTime(settings.cutOffTime()).atZone(UK).toInstant());
    }

    /** Closed: the late-line window after the cut-off has passed; nothing more is taken for it. */
    public boolean isClosed(Placement placement) {
        return now().isAfter(placement.cutOff().plus(settings.lateLinesAcceptedFor()));
    }

    /** Where corrections of a line go: with the line's own period while it is open, else with today's work. */
    public Placement placementForCorrection(LocalDate dateWorked) {
        Placement own = placementOf(dateWorked);
        return isClosed(own) ? placementOf(today()) : own;
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
