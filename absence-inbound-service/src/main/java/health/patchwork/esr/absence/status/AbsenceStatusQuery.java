package health.patchwork.esr.absence.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.absence.period.PayrollPeriod;
import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.absence.store.AbsenceStore;
import health.patchwork.esr.absence.store.ExportRows;
import health.patchwork.esr.formats.write.AbsenceOperation;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.export.ExportedFile;

import org.springframework.stereotype.Component;

/**
 * Reads the status of absences: by id, by period, and those needing attention. Each read asks the owners once: the
 * absences from the absence store, their rows from the export rows, then the files those rows went into.
 */
@Component
public class AbsenceStatusQuery {

    private final AbsenceStore absences;
    private final ExportRows rows;
    private final ExportLedger files;
    private final PayrollPeriods periods;
    private final Clock clock;
    private final Duration window;

    AbsenceStatusQuery(AbsenceStore absences, ExportRows rows, ExportLedger files, PayrollPeriods periods, Clock clock,
            AbsenceSettings settings) {
        this.absences = absences;
        this.rows = rows;
        this.files = files;
        this.periods = periods;
        this.clock = clock;
        this.window = Duration.ofDays(settings.reconcileWindowDays());
    }

    public Optional<AbsenceStatusView> byId(String absenceId) {
        return absences.progress(absenceId).map(this::withHistory);
    }

    /** The absence ESR knows by this third-party reference, with its file history. */
    public Optional<AbsenceStatusView> byReference(String reference) {
        return absences.progressByReference(reference).map(this::withHistory);
    }

    /** Absences starting in the payroll period, in reference order, without their file history. */
    public List<AbsenceStatusView> byPeriod(PayrollPeriod period) {
        Instant windowStart = windowStart();
        List<AbsenceStore.Progress> ofPeriod = absences.progressOfPeriod(period);
        Map<String, ExportRows.Written> last = rows.lastOf(ids(ofPeriod));
        Map<Long, ExportedFile> lastFiles = filesOf(last.values());
        return ofPeriod.stream().map(absence -> view(absence, last.get(absence.absenceId()), lastFiles, windowStart,
                List.of())).toList();
    }

    /** Exported as last changed, not echoed, and uploaded before the window began; or left out of an export. */
    public List<AbsenceStatusView> needingAttention() {
        Instant windowStart = windowStart();
        List<AbsenceStore.Progress> candidates = absences.progressMaybeNeedingAttention();
        Map<String, ExportRows.Written> last = rows.lastOf(ids(candidates));
        Map<Long, ExportedFile> lastFiles = filesOf(last.values());
        return candidates.stream()
                .filter(absence -> needsAttention(absence, last.get(absence.absenceId()), lastFiles, windowStart))
                .map(absence -> view(absence, last.get(absence.absenceId()), lastFiles, windowStart, List.of()))
                .toList();
    }

    public long countNeedingAttention() {
        Instant windowStart = windowStart();
        List<AbsenceStore.Progress> candidates = absences.progressMaybeNeedingAttention();
        Map<String, ExportRows.Written> last = rows.lastOf(ids(candidates));
        Map<Long, ExportedFile> lastFiles = filesOf(last.values());
        return candidates.stream()
                .filter(absence -> needsAttention(absence, last.get(absence.absenceId()), lastFiles, windowStart))
                .count();
    }

    private Instant windowStart() {
        return clock.instant().minus(window);
    }

    /** One absence with every row written for it, oldest first. */
    private AbsenceStatusView withHistory(AbsenceStore.Progress absence) {
        List<ExportRows.Written> history = rows.historyOf(List.of(absence.absenceId()))
                .getOrDefault(absence.absenceId(), List.of());
        Map<Long, ExportedFile> byId = filesOf(history);
        List<AbsenceStatusView.FileRow> fileRows = history.stream().map(written -> {
            ExportedFile file = byId.get(written.fileId());
            return new AbsenceStatusView.FileRow(file.fileName(), written.rowNumber(),
                    written.row().operation().name(), file.state().name());
        }).toList();
        ExportRows.Written last = history.isEmpty() ? null : history.get(history.size() - 1);
        return view(absence, last, byId, windowStart(), fileRows);
    }

    /** The store's pre-selection, narrowed by the last row: not a withdrawal, in a file uploaded before the window. */
    private static boolean needsAttention(AbsenceStore.Progress absence, ExportRows.Written last,
            Map<Long, ExportedFile> lastFiles, Instant windowStart) {
        if (absence.rejection() != null) {
            return true;
        }
        if (last == null || last.row().operation() == AbsenceOperation.DEL) {
            return false;
        }
        Instant uploadedAt = uploadedAt(last, lastFiles);
        return uploadedAt != null && uploadedAt.isBefore(windowStart);
    }

    private AbsenceStatusView view(AbsenceStore.Progress absence, ExportRows.Written last,
            Map<Long, ExportedFile> lastFiles, Instant windowStart, List<AbsenceStatusView.FileRow> history) {
        Integer sent = absence.sentRevision();
        Integer confirmed = absence.confirmedRevision();
        boolean everSent = sent != null;
        ExportedFile lastFile = last == null ? null : lastFiles.get(last.fileId());
        Instant uploadedAt = last == null ? null : uploadedAt(last, lastFiles);
        boolean changesPending = everSent && sent < absence.revision();
        AbsenceStatus status;
        String reason = null;
        if (absence.rejection() != null) {
            status = AbsenceStatus.NEEDS_ATTENTION;
            reason = "left out of the last export: " + absence.rejection();
        } else if (!everSent) {
            status = absence.cancelled() ? AbsenceStatus.CANCELLED : AbsenceStatus.PENDING;
        } else if (changesPending) {
            status = AbsenceStatus.PENDING;
        } else if (last != null && last.row().operation() == AbsenceOperation.DEL) {
            status = AbsenceStatus.WITHDRAWN;
        } else if (confirmed != null && confirmed.equals(sent)) {
            status = AbsenceStatus.CONFIRMED;
        } else if (uploadedAt != null && uploadedAt.isBefore(windowStart)) {
            status = AbsenceStatus.NEEDS_ATTENTION;
            reason = absence.echoDiffers()
                    ? "ESR holds it with another absence type, start or end than last sent, " + window.toDays()
                            + " days after export"
                    : "exported but not echoed back by ESR within " + window.toDays() + " days";
        } else {
            status = AbsenceStatus.EXPORTED;
        }
        return new AbsenceStatusView(absence.absenceId(), absence.reference(), periods.stored(absence.payroll(),
                absence.periodType(), absence.periodKey()).id(), absence.payroll(), status,
                changesPending, lastFile == null ? null : lastFile.fileName(), uploadedAt, absence.confirmedAt(),
                reason, history);
    }

    private Map<Long, ExportedFile> filesOf(Collection<ExportRows.Written> written) {
        return files.byIds(written.stream().map(ExportRows.Written::fileId).collect(Collectors.toSet()));
    }

    private static Instant uploadedAt(ExportRows.Written last, Map<Long, ExportedFile> lastFiles) {
        ExportedFile file = lastFiles.get(last.fileId());
        return file == null ? null : file.uploadedAt();
    }

    private static List<String> ids(List<AbsenceStore.Progress> progress) {
        return progress.stream().map(AbsenceStore.Progress::absenceId).toList();
    }
}
