package health.patchwork.esr.absence.period;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;
import health.patchwork.esr.support.export.ExportTarget;

/**
 * One payroll's period, as AB files name it: {@code M2708} is monthly, 2026/27, period 8 (November). Inside the
 * service the period is the key {@code YY * 100 + PP}, which orders the periods of one payroll (two-digit years: good
 * until 2099).
 *
 * @param payroll ESR's name of the payroll where the Trust configures several ({@code esr.payrolls}); null for the
 *                single payroll of a deployment without payroll settings
 */
public record PayrollPeriod(String payroll, PeriodType type, int key) {

    /** The period as operators and file names know it, e.g. {@code M2708}. */
    public String id() {
        return type.code() + String.format("%04d", key);
    }

    public TaxPeriod taxPeriod() {
        return new TaxPeriod(key / 100, key % 100);
    }

    /** For logs and the audit trail: the id, with the payroll where there are several (a payroll names no person). */
    public String describe() {
        return payroll == null ? id() : id() + " of payroll " + payroll;
    }

    /** The payroll period an AB file is for. */
    public static PayrollPeriod of(ExportTarget target) {
        return new PayrollPeriod(target.payroll(), target.periodType(), key(target.period()));
    }

    /** The AB file of the period: its normal run, or a supplementary one. */
    public ExportTarget target(PeriodRun run) {
        return new ExportTarget(InboundFileType.AB, type, run, taxPeriod(), payroll);
    }

    static int key(TaxPeriod period) {
        return period.taxYear() * 100 + period.period();
    }
}
