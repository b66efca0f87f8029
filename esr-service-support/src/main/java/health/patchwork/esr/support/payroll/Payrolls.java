package health.patchwork.esr.support.payroll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import health.patchwork.esr.formats.name.PeriodRun;
import health.patchwork.esr.support.web.InvalidFieldException;

/**
 * The Trust's payrolls, as {@link PayrollSettings} configures them, and the pay-date answer for a line. With none
 * configured, the service's single payroll of today takes every line, whatever its assignment's payroll: a Trust
 * that has not set payrolls up keeps working unchanged. That payroll has no ESR name (its name is null, in the
 * ledgers too): the deployment was never told it.
 */
public final class Payrolls {

    private final Map<String, PayrollCalendar> byName;
    private final PayrollCalendar single;

    private Payrolls(Map<String, PayrollCalendar> byName, PayrollCalendar single) {
        this.byName = byName;
        this.single = single;
    }

    /** The configured payrolls, or {@code single} alone when there are none. */
    public static Payrolls of(PayrollSettings settings, PayrollCalendar single) {
        Map<String, PayrollCalendar> byName = new LinkedHashMap<>();
        settings.payrolls().forEach((key, payroll) ->
                byName.put(PayrollSettings.normalised(payroll.esrName(key)), PayrollCalendar.of(key, payroll)));
        return new Payrolls(Map.copyOf(byName), single);
    }

    /** Whether the Trust configured its payrolls; if not, every line goes to the single payroll. */
    public boolean configured() {
        return !byName.isEmpty();
    }

    /**
     * The payroll of an assignment whose ESR Payroll Name (ASA field 11) on the date in question is
     * {@code esrPayrollName}; empty for a payroll this deployment does not know (or an assignment without one), which
     * the caller rejects with that reason.
     */
    public Optional<PayrollCalendar> forAssignment(String esrPayrollName) {
        if (!configured()) {
            return Optional.of(single);
        }
        return esrPayrollName == null ? Optional.empty()
                : Optional.ofNullable(byName.get(PayrollSettings.normalised(esrPayrollName)));
    }

    /**
     * The payroll of the given ESR name, for operators' requests and stored entries naming one; {@code null} names
     * the single payroll of a deployment without payroll settings.
     */
    public Optional<PayrollCalendar> named(String esrPayrollName) {
        if (!configured()) {
            return esrPayrollName == null ? Optional.of(single) : Optional.empty();
        }
        return forAssignment(esrPayrollName);
    }

    /**
     * The payroll an operator's request names in its field {@code payroll}: required once payrolls are configured
     * (their periods share numbers), to be left out without them.
     *
     * @throws InvalidFieldException naming the field {@code payroll}
     */
    public PayrollCalendar requested(String payroll) {
        if (payroll == null && configured()) {
            throw new InvalidFieldException("payroll", "is required: this service has several payrolls ("
                    + String.join(", ", all().stream().map(PayrollCalendar::name).toList()) + ")");
        }
        return named(payroll).orElseThrow(() -> new InvalidFieldException("payroll", configured()
                ? "is not one of the payrolls of esr.payrolls"
                : "must be left out: esr.payrolls configures none, so there is one payroll"));
    }

    /** Every payroll: the configured ones by name (so that operators see one order), or the single one. */
    public Collection<PayrollCalendar> all() {
        return configured() ? byName.values().stream().sorted(Comparator.comparing(PayrollCalendar::name)).toList()
                : List.of(single);
    }

    /**
     * Where a line worked on {@code dateWorked} and accepted {@code now} goes in {@code payroll}: its period's normal
     * run before the cut-off; a supplementary run of the same period after it, while the period is open; the next open
     * period when the settings close its own. Empty when the late-line window has passed: too late for any run.
     * Whether the normal run has in fact gone already (an export on request before the cut-off) is the caller's to
     * add, from its ledger.
     */
    public static Optional<PayDate> payDate(PayrollCalendar payroll, LocalDate dateWorked, LocalDate today,
                                            Instant now) {
        PayPlacement own = payroll.placementOf(dateWorked);
        if (!now.isAfter(own.cutOff())) {
            return Optional.of(new PayDate(own, PeriodRun.NORMAL, PayDate.Lateness.ON_TIME));
        }
        if (payroll.isClosedBySettings(own)) {
            return Optional.of(new PayDate(payroll.nextOpenFrom(today, now), PeriodRun.NORMAL,
                    PayDate.Lateness.NEXT_PERIOD));
        }
        if (payroll.isClosed(own, now)) {
            return Optional.empty();
        }
        return Optional.of(new PayDate(own, PeriodRun.SUPPLEMENTARY, PayDate.Lateness.SUPPLEMENTARY_RUN));
    }
}
