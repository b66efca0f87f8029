package health.patchwork.esr.absence.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import health.patchwork.esr.support.export.ExportFileEvent;
import health.patchwork.esr.support.export.ExportFileSummary;
import health.patchwork.esr.support.export.ExportLedger;

import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    AbFileOverview(ExportLedger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    List<ExportFileSummary> recent(int limit) {
        return ledger.recent(limit);
    }

    Optional<AbFileReport> report(long id) {
        return ledger.summary(id).map(file -> {
            Map<String, Integer> byOperation = new TreeMap<>();
            jdbc.sql("select operation, count(*) from export_row where file_id = :id group by operation")
                    .param("id", id).query(rs -> {
                        byOperation.put(rs.getString(1), rs.getInt(2));
                    });
            int absences = jdbc.sql("select count(distinct absence_id) from export_row where file_id = :id")
                    .param("id", id).query(Integer.class).single();
            return new AbFileReport(file, byOperation, absences, ledger.events(id));
        });
    }
}
