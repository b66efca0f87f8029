package health.patchwork.esr.absence.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import health.patchwork.esr.absence.period.FinalisedPeriods;
import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.export.ExportTarget;
import health.patchwork.esr.support.export.ExportedFile;
import health.patchwork.esr.support.export.FileExporter;
import health.patchwork.esr.support.logging.Redaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * When AB files are made (docs/spec/inbound-files.md §3.1, §3.4): once a period's rosters are final, by an operator or the
 * platform, or by the monthly fallback for the period just ended. The first file of a period is its normal run (N);
 * later ones for the same period are supplementary (S). Sequence, temporary name, rename and exactly-once delivery
 * across crashes are the shared {@link FileExporter}'s.
 */
@Service
public class AbsenceExport {

    private static final Logger log = LoggerFactory.getLogger(AbsenceExport.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final FileExporter exporter;
    private final PayrollPeriods periods;
    private final FinalisedPeriods finalised;
    private final Clock clock;

    private final AbsenceFileContent content;

    AbsenceExport(FileExporter exporter, AbsenceFileContent content, PayrollPeriods periods,
            FinalisedPeriods finalised, Clock clock) {
        this.exporter = exporter;
        this.content = content;
        this.periods = periods;
        this.finalised = finalised;
        this.clock = clock;
    }

    /** The period is final: record it, then write and deliver its AB file (none when nothing is due). */
    public Optional<ExportedFile> finalise(int periodKey, String by) {
        if (finalised.finalise(periodKey, clock.instant(), by)) {
            // the actor names a person's account: it goes to the audit trail, not the log
            log.info("Period {} finalised {}", periods.id(periodKey),
                    "schedule".equals(by) ? "by the schedule" : "on request");
        }
        return export(periodKey);
    }

    /** Whether the period has started: a period in the future cannot be final. */
    public boolean hasStarted(int periodKey) {
        return periodKey <= periods.keyOf(LocalDate.now(clock.withZone(UK)));
    }

    private Optional<ExportedFile> export(int periodKey) {
        // the shared exporter holds the AB export lock for the whole choose-write-upload-mark sequence
        Optional<ExportedFile> file = exporter.export(ledger -> {
            content.precheck(periodKey);
            return Optional.of(target(ledger, periodKey));
        });
        file.ifPresentOrElse(f -> log.info("Period {}: sent {} with {} rows", periods.id(periodKey), f.fileName(),
                f.rowCount()), () -> log.info("Period {}: nothing to send", periods.id(periodKey)));
        return file;
    }

    private ExportTarget target(ExportLedger ledger, int periodKey) {
        ExportTarget normal = new ExportTarget(InboundFileType.AB, periods.type(), PeriodRun.NORMAL,
                PayrollPeriods.taxPeriod(periodKey));
        return ledger.hasNormalRun(normal) ? new ExportTarget(InboundFileType.AB, periods.type(),
                PeriodRun.SUPPLEMENTARY, normal.period()) : normal;
    }

    /**
     * The fallback, as the schedule runs it ({@code esr.absence.export-schedule}): finalise the period that has just
     * ended, if nobody did, and send what is due. Standbys skip it; the shared exporter's AB export lock is what keeps
     * the file to one upload.
     */
    public Optional<ExportedFile> runFallback() {
        return finalise(periods.previousKey(LocalDate.now(clock.withZone(UK))), "schedule");
    }

    /** The period the fallback would finalise now, as its logs name it. */
    String fallbackPeriod() {
        return periods.id(periods.previousKey(LocalDate.now(clock.withZone(UK))));
    }

    /** Finishes files a crash left half-sent. Runs at start-up; a mailbox outage only delays it to the next export. */
    @EventListener(ApplicationReadyEvent.class)
    public void recoverAtStartUp() {
        try {
            recover();
        } catch (RuntimeException e) {
            log.error("AB export recovery at start-up failed; it is retried before the next export: {}",
                    Redaction.describe(e));
        }
    }

    public void recover() {
        exporter.recover();
    }
}
