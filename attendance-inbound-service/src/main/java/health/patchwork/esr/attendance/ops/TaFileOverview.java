package health.patchwork.esr.attendance.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import health.patchwork.esr.support.export.ExportFileEvent;
import health.patchwork.esr.support.export.ExportFileSummary;
import health.patchwork.esr.support.export.ExportLedger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The TA files this service made, as operators read them: the shared ledger's rows plus what each file carried. */
@Component
class TaFileOverview {

    /**
     * A file with its rows per kind (claims, reversals), how many timesheet lines they came from, and its state
     * changes (which temporary file was renamed; whether recovery found it collected by ESR).
     */
    record TaFileReport(ExportFileSummary file, Map<String, Integer> rowsByKind, int timesheetLines,
                        List<ExportFileEvent> events) {
    }

    private final ExportLedger ledger;
    private final JdbcClient jdbc;

    TaFileOverview(ExportLedger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    List<ExportFileSummary> recent(int limit) {
        return ledger.recent(limit);
    }

    Optional<TaFileReport> report(long id) {
        return ledger.summary(id).map(file -> {
            Map<String, Integer> byKind = new TreeMap<>();
            jdbc.sql("select kind, count(*) from export_entry where export_file_id = :id group by kind")
                    .param("id", id).query(rs -> {
                        byKind.put(rs.getString(1), rs.getInt(2));
                    });
            int lines = jdbc.sql("select count(distinct line_id) from export_entry where export_file_id = :id")
                    .param("id", id).query(Integer.class).single();
            return new TaFileReport(file, byKind, lines, ledger.events(id));
        });
    }
}
