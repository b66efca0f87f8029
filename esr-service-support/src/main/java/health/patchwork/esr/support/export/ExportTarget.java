package health.patchwork.esr.support.export;

import java.util.Objects;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;

/** One inbound file to produce: which interface (TA or AB), for which payroll period, in which run. */
public record ExportTarget(InboundFileType fileType, PeriodType periodType, PeriodRun run, TaxPeriod period) {

    public ExportTarget {
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(periodType, "periodType");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(period, "period");
    }
}
