package health.patchwork.esr.absence.period;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxCalendar;
import health.patchwork.esr.support.inbound.InboundFileSettings;
import health.patchwork.esr.support.payroll.PayrollCalendar;
import health.patchwork.esr.support.payroll.PayrollSettings;
import health.patchwork.esr.support.payroll.Payrolls;
import health.patchwork.esr.support.web.InvalidFieldException;

import org.springframework.stereotype.Component;

/**
 * The Trust's payrolls as absence uses them (docs/spec/inbound-files.md §1.3, docs/decisions.md row 19). An absence
 * goes to the payroll its assignment is on at the absence's start, and to that payroll's period containing the start;
 * each payroll period has its own AB files. Configured payrolls ({@code esr.payrolls.*}) each have their own period
 * type; without them the single payroll of {@code esr.inbound.period-type} takes every absence, as before payrolls
 * existed. Cut-off rules are attendance's: absences go when a period is finalised.
 */
@Component
public class PayrollPeriods {

    private static final Pattern ID = Pattern.compile("([WFLM])(\\d{2})(\\d{2})");

    private final Payrolls payrolls;
    private final PeriodType singleType;
    private final TaxCalendar calendar = TaxCalendar.standard();

    public PayrollPeriods(InboundFileSettings inbound, PayrollSettings settings) {
        this.singleType = PeriodType.fromCode(inbound.periodType().charAt(0)).orElseThrow();
        // absence reads only the single payroll's period type; its cut-off fields are attendance's and unused here
        this.payrolls = Payrolls.of(settings, new PayrollCalendar(null, singleType,
                new PayrollSettings.CutOff(3, LocalTime.of(9, 30)), Duration.ZERO, List.of(), List.of()));
    }

    /** Whether the Trust configured its payrolls; if not, every absence goes to the single payroll. */
    public boolean configured() {
        return payrolls.configured();
    }

    /** Every payroll: the configured ones, or the single one. */
    public Collection<PayrollCalendar> all() {
        return payrolls.all();
    }

    /**
     * The payroll of an absence whose assignment is on ESR payroll {@code esrPayrollName} at its start; empty for a
     * payroll this deployment does not know, or none.
     */
    public Optional<PayrollCalendar> forAssignment(String esrPayrollName) {
        return payrolls.forAssignment(esrPayrollName);
    }

    /** The payroll's period that contains {@code date}. */
    public PayrollPeriod of(PayrollCalendar payroll, LocalDate date) {
        return new PayrollPeriod(payroll.name(), payroll.periodType(),
                PayrollPeriod.key(calendar.periodOf(date, payroll.periodType())));
    }

    /** The payroll's period before the one {@code date} is in. */
    public PayrollPeriod previous(PayrollCalendar payroll, LocalDate date) {
        PayrollPeriod current = of(payroll, date);
        LocalDate d = date;
        while (of(payroll, d).equals(current)) {
            d = d.minusDays(1);
        }
        return of(payroll, d);
    }

    /** Whether the period has begun on {@code today}: a period in the future cannot be final. */
    public boolean hasBegun(PayrollPeriod period, LocalDate today) {
        return period.key() <= PayrollPeriod.key(calendar.periodOf(today, period.type()));
    }

    /**
     * A period as stored with an absence or a finalisation: {@code typeCode} null is the single payroll's type (rows
     * from before payrolls were routed).
     */
    public PayrollPeriod stored(String payroll, String typeCode, int key) {
        PeriodType type = typeCode == null ? singleType : PeriodType.fromCode(typeCode.charAt(0)).orElseThrow();
        return new PayrollPeriod(payroll, type, key);
    }

    /**
     * The period an operator's request names: {@code periodId} such as {@code M2708} of the payroll in field
     * {@code payroll}, which is required once payrolls are configured (their periods share numbers) and left out
     * without them.
     *
     * @throws InvalidFieldException naming the field that is wrong
     */
    public PayrollPeriod requested(String payroll, String periodId) {
        PayrollCalendar calendar = payrolls.requested(payroll);
        PeriodType type = calendar.periodType();
        Matcher m = periodId == null ? null : ID.matcher(periodId);
        if (m == null || !m.matches() || m.group(1).charAt(0) != type.code()
                || Integer.parseInt(m.group(3)) < 1 || Integer.parseInt(m.group(3)) > type.maxPeriod()) {
            throw new InvalidFieldException("periodId", expectedForm(calendar));
        }
        return new PayrollPeriod(calendar.name(), type, Integer.parseInt(m.group(2)) * 100
                + Integer.parseInt(m.group(3)));
    }

    /** What a period id of the payroll must look like, for error messages. */
    private static String expectedForm(PayrollCalendar payroll) {
        char code = payroll.periodType().code();
        return "must be a period of " + (payroll.name() == null ? "the payroll" : "payroll " + payroll.name())
                + " such as " + code + "2708 (type " + code + ", tax year ending 2027, period 08, at most "
                + String.format("%02d", payroll.periodType().maxPeriod()) + ")";
    }
}
