package health.patchwork.esr.attendance.export;

import java.util.List;
import java.util.Optional;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.export.ExportTarget;
import health.patchwork.esr.support.export.ExportedFile;
import health.patchwork.esr.support.export.FileExporter;
import health.patchwork.esr.support.logging.Redaction;
import health.patchwork.esr.support.payroll.PayrollCalendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * When TA files are made: at each cut-off (schedule) for every payroll period that is due, or for one payroll period
 * on an operator's request. Each payroll has its own files, with its period type in their names and headers. The
 * first file of a payroll period is its normal run (N); anything later for it (late lines, corrections) goes into a
 * supplementary run (S).
 */
@Service
public class AttendanceExport {

    private static final Logger log = LoggerFactory.getLogger(AttendanceExport.class);

    private final FileExporter exporter;
    private final PayDates payDates;
    private final ExportEntries entries;

    AttendanceExport(FileExporter exporter, PayDates payDates, ExportEntries entries) {
        this.exporter = exporter;
        this.payDates = payDates;
        this.entries = entries;
    }

    /**
     * Exports every period whose cut-off has passed and that has unsent entries; what the schedule runs
     * ({@code esr.attendance.export-schedule}). The export lock inside the exporter is what keeps each file to one
     * upload.
     */
    public List<ExportedFile> cutOff() {
        List<ExportedFile> files = exporter.exportAll(ledger -> entries.pendingPeriodsCutOffBy(payDates.now())
                .stream().map(due -> target(ledger, payDates.ofStored(due.payroll()), due.period())).toList());
        log.info("Cut-off export: {} file(s) sent", files.size());
        return files;
    }

    /**
     * Exports the unsent entries of one payroll period now (operator request), whether or not its cut-off has passed.
     */
    public Optional<ExportedFile> export(PayrollCalendar payroll, TaxPeriod period) {
        return exporter.export(ledger -> Optional.of(target(ledger, payroll, period)));
    }

    /** Finishes files a crash left half-sent. Runs at start-up; a mailbox outage only delays it to the next export. */
    @EventListener(ApplicationReadyEvent.class)
    public void recoverAtStartUp() {
        try {
            exporter.recover();
        } catch (RuntimeException e) {
            log.error("Export recovery at start-up failed; it is retried before the next export: {}",
                    Redaction.describe(e));
        }
    }

    public List<ExportedFile> recover() {
        return exporter.recover();
    }

    private static ExportTarget target(ExportLedger ledger, PayrollCalendar payroll, TaxPeriod period) {
        ExportTarget normal = new ExportTarget(InboundFileType.TA, payroll.periodType(), PeriodRun.NORMAL, period,
                payroll.name());
        return ledger.hasNormalRun(normal) ? normal.supplementary() : normal;
    }
}
