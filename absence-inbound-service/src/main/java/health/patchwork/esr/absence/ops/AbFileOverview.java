package health.patchwork.esr.absence.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import health.patchwork.esr.absence.store.ExportRows;
import health.patchwork.esr.support.export.ExportFileEvent;
import health.patchwork.esr.support.export.ExportFileSummary;
import health.patchwork.esr.support.export.ExportLedger;

import org.springframework.stereotype.Component;

/** The AB files this service made, as operators read them: the shared ledger's rows plus what each file carried. */
@Component
class AbFileOverview {

    /**
     * A file with its rows per operation (ADD, END, DEL), how many absences they came from, and its state changes
     * (which temporary file was renamed; whether recovery found it collected by ESR).
     */
    record AbFileReport(ExportFileSummary file, Map<String, Integer> rowsByOperation, int absences,
                        List<ExportFileEvent> events) {
    }

    private final ExportLedger ledger;
    private final ExportRows rows;

    AbFileOverview(ExportLedger ledger, ExportRows rows) {
        this.ledger = ledger;
        this.rows = rows;
    }

    List<ExportFileSummary> recent(int limit) {
        return ledger.recent(limit);
    }

    Optional<AbFileReport> report(long id) {
        return ledger.summary(id).map(file -> {
            ExportRows.Tally tally = rows.tally(id);
            return new AbFileReport(file, tally.rowsByOperation(), tally.absences(), ledger.events(id));
        });
    }
}
