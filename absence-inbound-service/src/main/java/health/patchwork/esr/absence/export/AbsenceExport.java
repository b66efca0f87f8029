package health.patchwork.esr.absence.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import health.patchwork.esr.absence.period.FinalisedPeriods;
import health.patchwork.esr.absence.period.PayrollPeriod;
import health.patchwork.esr.absence.period.PayrollPeriods;
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
 * When AB files are made (docs/spec/inbound-files.md §3.1, §3.4): once a payroll period's rosters are final, by an
 * operator or the platform, or by the fallback for the period just ended of every payroll. The first file of a
 * payroll's period is its normal run (N); later ones for the same period are supplementary (S). Sequence, temporary
 * name, rename and exactly-once delivery across crashes are the shared {@link FileExporter}'s.
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
    public Optional<ExportedFile> finalise(PayrollPeriod period, String by) {
        if (finalised.finalise(period, clock.instant(), by)) {
            // the actor names a person's account: it goes to the audit trail, not the log
            log.info("Period {} finalised {}", period.describe(),
                    "schedule".equals(by) ? "by the schedule" : "on request");
        }
        return export(period);
    }

    /** Whether the period has started: a period in the future cannot be final. */
    public boolean hasStarted(PayrollPeriod period) {
        return periods.hasBegun(period, today());
    }

    private Optional<ExportedFile> export(PayrollPeriod period) {
        // the shared exporter holds the AB export lock for the whole choose-write-upload-mark sequence
        Optional<ExportedFile> file = exporter.export(ledger -> {
            content.precheck(period);
            return Optional.of(target(ledger, period));
        });
        file.ifPresentOrElse(f -> log.info("Period {}: sent {} with {} rows", period.describe(), f.fileName(),
                f.rowCount()), () -> log.info("Period {}: nothing to send", period.describe()));
        return file;
    }

    private static ExportTarget target(ExportLedger ledger, PayrollPeriod period) {
        ExportTarget normal = period.target(PeriodRun.NORMAL);
        return ledger.hasNormalRun(normal) ? normal.supplementary() : normal;
    }

    /**
     * The fallback, as the schedule runs it ({@code esr.absence.export-schedule}): for every payroll, finalise the
     * period that has just ended, if nobody did, and send what is due. Standbys skip it; the shared exporter's AB
     * export lock is what keeps each file to one upload. One payroll's failure does not keep the others' files back.
     */
    public List<ExportedFile> runFallback() {
        List<ExportedFile> sent = new ArrayList<>();
        RuntimeException failure = null;
        for (PayrollPeriod period : fallbackPeriods()) {
            try {
                finalise(period, "schedule").ifPresent(sent::add);
            } catch (RuntimeException e) {
                log.error("Fallback export of period {} failed: {}", period.describe(), Redaction.describe(e));
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return sent;
    }

    /** The periods the fallback would finalise now, one per payroll. */
    List<PayrollPeriod> fallbackPeriods() {
        LocalDate today = today();
        return periods.all().stream().map(payroll -> periods.previous(payroll, today)).toList();
    }

    /** The periods the fallback would finalise now, as its logs name them. */
    String fallbackPeriod() {
        return fallbackPeriods().stream().map(PayrollPeriod::describe).collect(Collectors.joining(", "));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
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
