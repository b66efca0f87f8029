package health.patchwork.esr.attendance.period;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.export.ExportTarget;
import health.patchwork.esr.support.inbound.InboundFileSettings;
import health.patchwork.esr.support.payroll.PayDate;
import health.patchwork.esr.support.payroll.PayPlacement;
import health.patchwork.esr.support.payroll.PayrollCalendar;
import health.patchwork.esr.support.payroll.PayrollSettings;
import health.patchwork.esr.support.payroll.Payrolls;

import org.springframework.stereotype.Component;

/**
 * The Trust's payrolls as attendance uses them: which payroll a line goes to, where in it and when, on today's clock.
 * Configured payrolls ({@code esr.payrolls.*}) each have their own calendar; without them the single payroll of
 * {@code esr.inbound.period-type} and {@code esr.attendance.calendar.*} takes every line, as before payrolls existed.
 * A stored entry names its payroll by ESR name, null for that single payroll.
 */
@Component
public class PayDates {

    private final Payrolls payrolls;
    private final ExportLedger files;
    private final Clock clock;

    public PayDates(InboundFileSettings inbound, PayrollCalendarSettings single, PayrollSettings settings,
                    ExportLedger files, Clock clock) {
        this.payrolls = Payrolls.of(settings, singlePayroll(inbound, single));
        this.files = files;
        this.clock = clock;
    }

    private static PayrollCalendar singlePayroll(InboundFileSettings inbound, PayrollCalendarSettings single) {
        return new PayrollCalendar(null, PeriodType.fromCode(inbound.periodType().charAt(0)).orElseThrow(),
                new PayrollSettings.CutOff(single.cutOffDaysAfterPeriodEnd(), single.cutOffTime()),
                single.lateLinesAcceptedFor(), single.periods().stream().map(p -> new PayrollSettings.TimetableEntry(
                        p.from(), p.to(), p.taxYear(), p.period(), p.cutOff())).toList(), List.of());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PayrollCalendar.UK));
    }

    public Instant now() {
        return clock.instant();
    }

    public Payrolls payrolls() {
        return payrolls;
    }

    /** The payroll a line for an assignment on ESR payroll {@code esrPayrollName} goes to; empty when unknown. */
    public Optional<PayrollCalendar> forAssignment(String esrPayrollName) {
        return payrolls.forAssignment(esrPayrollName);
    }

    /**
     * The payroll of stored entries or files. One that the settings no longer name cannot be exported or placed:
     * that is a settings mistake an operator must see, not a line to send elsewhere.
     */
    public PayrollCalendar ofStored(String payroll) {
        return payrolls.named(payroll).orElseThrow(() -> new IllegalStateException(payroll == null
                ? "Lines of the single payroll are waiting, but esr.payrolls is now set: export them first"
                : "Lines of payroll '" + payroll + "' are waiting, but esr.payrolls no longer names it"));
    }

    /**
     * The payroll an operator's request names in its field {@code payroll}: required once payrolls are configured
     * (their periods share numbers), to be left out without them.
     */
    public PayrollCalendar requested(String payroll) {
        return payrolls.requested(payroll);
    }

    /**
     * Where a line worked on {@code dateWorked} and accepted now goes in {@code payroll}; empty when too late for any
     * run. Which run it goes in depends on the ledger: {@link #runsAsSent()} settles it.
     */
    public Optional<PayDate> payDate(PayrollCalendar payroll, LocalDate dateWorked) {
        return Payrolls.payDate(payroll, dateWorked, today(), now());
    }

    /**
     * Where a correction of work on {@code dateWorked} goes: never refused for lateness, since taking back or putting
     * right pay already sent must go somewhere; a closed period's correction goes to the first open one.
     */
    public PayDate correctionPayDate(PayrollCalendar payroll, LocalDate dateWorked) {
        PayPlacement own = payroll.placementOf(dateWorked);
        PayPlacement placed = placementForCorrection(payroll, dateWorked);
        PayDate.Lateness lateness = !placed.equals(own) ? PayDate.Lateness.NEXT_PERIOD
                : now().isAfter(own.cutOff()) ? PayDate.Lateness.SUPPLEMENTARY_RUN : PayDate.Lateness.ON_TIME;
        return new PayDate(placed, lateness == PayDate.Lateness.SUPPLEMENTARY_RUN ? PeriodRun.SUPPLEMENTARY
                : PeriodRun.NORMAL, lateness);
    }

    /**
     * Settles a pay date's run by the ledger: the normal run while the period has none yet (so a line accepted after
     * the cut-off but before the file is made still goes into it, and is told so), a supplementary run after it
     * (also when an operator exported the period before its cut-off). Each payroll period is looked up once per
     * returned function: one lookup per period of a batch.
     */
    public UnaryOperator<PayDate> runsAsSent() {
        Map<PayPlacement, Boolean> sent = new HashMap<>();
        return date -> {
            boolean normalSent = sent.computeIfAbsent(date.placement(), this::normalRunSent);
            PeriodRun run = normalSent ? PeriodRun.SUPPLEMENTARY : PeriodRun.NORMAL;
            PayDate.Lateness lateness = date.lateness() == PayDate.Lateness.NEXT_PERIOD ? PayDate.Lateness.NEXT_PERIOD
                    : normalSent ? PayDate.Lateness.SUPPLEMENTARY_RUN
                    : now().isAfter(date.cutOff()) ? PayDate.Lateness.AFTER_CUT_OFF : PayDate.Lateness.ON_TIME;
            return new PayDate(date.placement(), run, lateness);
        };
    }

    /** Whether the normal run of the placement's payroll period has been made. */
    public boolean normalRunSent(PayPlacement placement) {
        return files.hasNormalRun(new ExportTarget(InboundFileType.TA, placement.periodType(), PeriodRun.NORMAL,
                placement.period(), placement.payroll()));
    }

    /**
     * Where corrections of a line go: with the line's own period while it is open, else with the first period still
     * open from today.
     */
    public PayPlacement placementForCorrection(PayrollCalendar payroll, LocalDate dateWorked) {
        PayPlacement own = payroll.placementOf(dateWorked);
        return payroll.isClosed(own, now()) ? payroll.nextOpenFrom(today(), now()) : own;
    }
}
