package health.patchwork.esr.support.export;

import java.util.Objects;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;

/**
 * One inbound file to produce: which interface (TA or AB), for which payroll and period, in which run.
 *
 * @param payroll ESR's name of the payroll, where the Trust configures several; null for the one payroll of a
 *                deployment without payroll settings
 */
public record ExportTarget(InboundFileType fileType, PeriodType periodType, PeriodRun run, TaxPeriod period,
                           String payroll) {

    /** A file for the deployment's one payroll. */
    public ExportTarget(InboundFileType fileType, PeriodType periodType, PeriodRun run, TaxPeriod period) {
        this(fileType, periodType, run, period, null);
    }

    public ExportTarget {
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(periodType, "periodType");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(period, "period");
    }

    /** The payroll period as operators and file names know it, e.g. {@code M2708}. */
    public String periodId() {
        return periodType.code() + period.yy() + period.pp();
    }

    /** The same file's supplementary run. */
    public ExportTarget supplementary() {
        return new ExportTarget(fileType, periodType, PeriodRun.SUPPLEMENTARY, period, payroll);
    }
}
