package health.patchwork.esr.absence.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.absence.mapping.AbsenceDetails;
import health.patchwork.esr.absence.store.ExportRows;
import health.patchwork.esr.formats.write.AbsenceOperation;

/**
 * Which ABS rows bring ESR from what we last sent to what the absence is now (docs/spec/inbound-files.md §3.4): ADD for a
 * first send, END when an absence sent open-ended has only closed, DEL when it is cancelled, DEL then ADD when
 * anything else changed. Pure logic, no database.
 */
final class ExportPlanner {

    private ExportPlanner() {
    }

    /**
     * @param desired the absence as it is now; empty when cancelled
     * @param sent the last row written for it; empty when never sent
     */
    static List<ExportRows.Row> plan(String absenceId, String reference, int revision,
            Optional<AbsenceDetails> desired, Optional<ExportRows.Row> sent) {
        Optional<AbsenceDetails> held = sent.filter(row -> row.operation() != AbsenceOperation.DEL)
                .map(ExportRows.Row::details);
        List<ExportRows.Row> rows = new ArrayList<>();
        if (held.isEmpty()) {
            desired.ifPresent(d -> rows.add(new ExportRows.Row(absenceId, reference, revision, AbsenceOperation.ADD, d)));
        } else if (desired.isEmpty()) {
            rows.add(new ExportRows.Row(absenceId, reference, revision, AbsenceOperation.DEL, held.get()));
        } else if (!desired.get().equals(held.get())) {
            if (desired.get().onlyCloses(held.get())) {
                rows.add(new ExportRows.Row(absenceId, reference, revision, AbsenceOperation.END, desired.get()));
            } else {
                rows.add(new ExportRows.Row(absenceId, reference, revision, AbsenceOperation.DEL, held.get()));
                rows.add(new ExportRows.Row(absenceId, reference, revision, AbsenceOperation.ADD, desired.get()));
            }
        }
        return rows;
    }
}
