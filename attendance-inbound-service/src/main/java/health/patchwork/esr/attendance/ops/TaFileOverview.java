package health.patchwork.esr.attendance.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import health.patchwork.esr.attendance.ledger.EntryKind;
import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.ledger.LineWarning;
import health.patchwork.esr.support.export.ExportFileEvent;
import health.patchwork.esr.support.export.ExportFileSummary;
import health.patchwork.esr.support.export.ExportLedger;

import org.springframework.stereotype.Component;

/** The TA files this service made, as operators read them: the shared ledger's rows plus what each file carried. */
@Component
class TaFileOverview {

    /**
     * A file with its rows per kind (claims, reversals), how many timesheet lines they came from, and its state
     * changes (which temporary file was renamed; whether recovery found it collected by ESR), and the warnings the
     * checks before it went noted for its lines.
     */
    record TaFileReport(ExportFileSummary file, Map<EntryKind, Integer> rowsByKind, int timesheetLines,
                        List<ExportFileEvent> events, List<LineWarning> warnings) {
    }

    private final ExportLedger ledger;
    private final ExportEntries entries;

    TaFileOverview(ExportLedger ledger, ExportEntries entries) {
        this.ledger = ledger;
        this.entries = entries;
    }

    List<ExportFileSummary> recent(int limit) {
        return ledger.recent(limit);
    }

    Optional<TaFileReport> report(long id) {
        return ledger.summary(id).map(file -> new TaFileReport(file, entries.rowsByKindIn(id), entries.linesIn(id),
                ledger.events(id), entries.warningsIn(id)));
    }
}
