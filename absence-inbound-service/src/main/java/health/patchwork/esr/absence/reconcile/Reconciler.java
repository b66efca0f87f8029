package health.patchwork.esr.absence.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.absence.status.AbsenceStatusQuery;
import health.patchwork.esr.absence.store.AbsenceStore;
import health.patchwork.esr.absence.store.ExportRows;
import health.patchwork.esr.absence.workforce.PublishedAbsences;
import health.patchwork.esr.formats.write.AbsenceOperation;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.export.ExportState;
import health.patchwork.esr.support.export.ExportedFile;
import health.patchwork.esr.support.notification.EventType;
import health.patchwork.esr.support.notification.Notification;
import health.patchwork.esr.support.notification.Notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes the loop through the outbound feed (docs/spec/inbound-files.md §4): an absence whose last uploaded ABS row ESR has
 * echoed back (an ABA row with our reference in field 33, applied by the outbound service and published in
 * {@code workforce.published_absence}) becomes confirmed. ADD and END match on reference, absence type, start and
 * end; DEL matches when every echoed row with the reference has been deleted by ESR. Reconciliation never changes or
 * re-sends anything else; absences still unconfirmed after the window are listed for attention and counted by the
 * gauge {@code esr.absence.needs.attention}.
 */
@Service
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final AbsenceStore absences;
    private final ExportRows rows;
    private final ExportLedger files;
    private final PublishedAbsences echoes;
    private final AbsenceStatusQuery status;
    private final Clock clock;
    private final Notifications notifications;
    private final Duration window;

    Reconciler(AbsenceStore absences, ExportRows rows, ExportLedger files, PublishedAbsences echoes,
            AbsenceStatusQuery status, Clock clock, MeterRegistry meters, Notifications notifications,
            AbsenceSettings settings) {
        this.notifications = notifications;
        this.window = Duration.ofDays(settings.reconcileWindowDays());
        this.absences = absences;
        this.rows = rows;
        this.files = files;
        this.echoes = echoes;
        this.status = status;
        this.clock = clock;
        Gauge.builder("esr.absence.needs.attention", status, AbsenceStatusQuery::countNeedingAttention)
                .description("Absences left out of an export, or exported and not echoed by ESR within the window")
                .register(meters);
    }

    /** Confirms what ESR has echoed; returns how many absences became confirmed and how many need attention. */
    @Transactional
    public Result run() {
        // only an absence whose latest revision sent is unconfirmed can become confirmed or differ
        List<AbsenceStore.Progress> awaiting = absences.awaitingEcho();
        Map<String, Sent> lastSent = lastUploadedRows(
                awaiting.stream().map(AbsenceStore.Progress::absenceId).toList());
        Map<String, ExportRows.Row> lastUploaded = new LinkedHashMap<>();
        lastSent.forEach((id, sent) -> lastUploaded.put(id, sent.row()));
        Set<String> references = new HashSet<>();
        awaiting.forEach(absence -> references.add(absence.reference()));
        lastUploaded.values().forEach(row -> references.add(row.reference()));
        Map<String, List<PublishedAbsences.Echo>> echoed = echoes.withReferences(references).stream()
                .collect(Collectors.groupingBy(PublishedAbsences.Echo::reference, LinkedHashMap::new,
                        Collectors.toList()));

        List<AbsenceStore.Confirmation> confirmations = lastUploaded.values().stream()
                .map(row -> confirmation(row, echoed.getOrDefault(row.reference(), List.of())))
                .flatMap(Optional::stream).toList();
        List<String> newlyConfirmed = absences.confirm(confirmations, clock.instant());
        int confirmed = newlyConfirmed.size();
        Map<String, AbsenceStore.Confirmation> byId = new HashMap<>();
        confirmations.forEach(c -> byId.put(c.absenceId(), c));
        newlyConfirmed.forEach(id -> notifications.publish(told(EventType.ABSENCE_CONFIRMED, lastSent.get(id),
                byId.get(id).esrAbsenceId())));
        tellUnconfirmed(awaiting, lastSent, Set.copyOf(newlyConfirmed));
        // echoed with our reference, but not (yet) with the values last sent
        absences.markEchoDiffers(awaiting.stream()
                .filter(absence -> echoed.getOrDefault(absence.reference(), List.of()).stream()
                        .anyMatch(echo -> !echo.deletedByEsr()))
                .map(AbsenceStore.Progress::absenceId).toList());

        long attention = status.countNeedingAttention();
        if (confirmed > 0 || attention > 0) {
            log.info("Absence reconciliation: {} newly confirmed by ESR, {} need attention", confirmed, attention);
        }
        return new Result(confirmed, attention);
    }

    /** The last row of each absence in a file on the mailbox (ESR cannot have echoed one that is not), by id. */
    private Map<String, Sent> lastUploadedRows(List<String> absenceIds) {
        Map<String, List<ExportRows.Written>> history = rows.historyOf(absenceIds);
        // the rows are read before their files, so a file is never taken as uploaded before its rows were written
        Map<Long, ExportedFile> uploaded = new HashMap<>();
        files.byIds(history.values().stream().flatMap(List::stream)
                        .map(ExportRows.Written::fileId).collect(Collectors.toSet())).values().stream()
                .filter(file -> file.state() == ExportState.UPLOADED).forEach(file -> uploaded.put(file.id(), file));
        Map<String, Sent> last = new LinkedHashMap<>();
        history.forEach((absenceId, written) -> written.stream().filter(w -> uploaded.containsKey(w.fileId()))
                .reduce((earlier, later) -> later)
                .ifPresent(w -> last.put(absenceId, new Sent(w.row(), uploaded.get(w.fileId())))));
        return last;
    }

    /** An absence's last row on the mailbox and the file it went in. */
    private record Sent(ExportRows.Row row, ExportedFile file) {
    }

    /**
     * {@code absence.unconfirmed}: sent as last changed, not a withdrawal, in a file uploaded before the window began
     * and not echoed (the rule of the status and the attention gauge), told once per revision sent.
     */
    private void tellUnconfirmed(List<AbsenceStore.Progress> awaiting, Map<String, Sent> lastSent,
                                 Set<String> confirmedNow) {
        if (!notifications.wanted(EventType.ABSENCE_UNCONFIRMED)) {
            return;
        }
        Instant windowStart = clock.instant().minus(window);
        for (AbsenceStore.Progress absence : awaiting) {
            Sent sent = lastSent.get(absence.absenceId());
            if (sent == null || confirmedNow.contains(absence.absenceId()) || absence.revision() != sent.row().revision()
                    || !Integer.valueOf(sent.row().revision()).equals(absence.sentRevision())
                    || sent.row().operation() == AbsenceOperation.DEL || sent.file().uploadedAt() == null
                    || !sent.file().uploadedAt().isBefore(windowStart)) {
                continue;
            }
            notifications.publish(told(EventType.ABSENCE_UNCONFIRMED, sent, null));
        }
    }

    /** The event of a revision sent: ids, ESR's absence type and the dates, the file; never the person. */
    private Notification told(EventType type, Sent sent, String esrAbsenceId) {
        ExportRows.Row row = sent.row();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("absenceId", row.absenceId());
        data.put("reference", row.reference());
        data.put("revision", row.revision());
        data.put("operation", row.operation().name());
        data.put("assignmentNumber", row.details().assignmentNumber());
        data.put("absenceType", row.details().absenceType());
        data.put("startDate", row.details().startDate().toString());
        data.put("endDate", row.details().endDate() == null ? null : row.details().endDate().toString());
        data.put("fileName", sent.file().fileName());
        data.put("uploadedAt", String.valueOf(sent.file().uploadedAt()));
        if (type == EventType.ABSENCE_CONFIRMED) {
            data.put("esrAbsenceId", esrAbsenceId);
        } else {
            data.put("windowDays", window.toDays());
        }
        return Notification.of(type, "absence:" + row.absenceId(), data)
                .once(row.absenceId() + ":" + row.revision());
    }

    /**
     * ADD and END: the least ESR absence id echoed, not deleted, with the type, start and end sent. DEL: every echo of
     * the reference deleted by ESR.
     */
    private static Optional<AbsenceStore.Confirmation> confirmation(ExportRows.Row row,
            List<PublishedAbsences.Echo> echoes) {
        if (row.operation() == AbsenceOperation.DEL) {
            boolean withdrawn = !echoes.isEmpty() && echoes.stream().allMatch(PublishedAbsences.Echo::deletedByEsr);
            return withdrawn ? Optional.of(new AbsenceStore.Confirmation(row.absenceId(), row.revision(), null))
                    : Optional.empty();
        }
        return echoes.stream().filter(echo -> !echo.deletedByEsr() && holds(echo, row)).findFirst()
                .map(echo -> new AbsenceStore.Confirmation(row.absenceId(), row.revision(), echo.esrAbsenceId()));
    }

    private static boolean holds(PublishedAbsences.Echo echo, ExportRows.Row row) {
        // as SQL compares them: type and start must be there to match, an end may be absent on both sides
        return row.details().absenceType() != null && row.details().absenceType().equals(echo.absenceType())
                && row.details().startDate() != null && row.details().startDate().equals(echo.startDate())
                && Objects.equals(row.details().endDate(), echo.endDate());
    }

    public record Result(int newlyConfirmed, long needsAttention) {
    }
}
