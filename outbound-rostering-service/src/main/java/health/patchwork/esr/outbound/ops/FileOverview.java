package health.patchwork.esr.outbound.ops;

import java.util.List;
import java.util.Optional;

import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.FileReport;
import health.patchwork.esr.outbound.ledger.FileReports;
import health.patchwork.esr.outbound.ledger.FileSummary;

import org.springframework.stereotype.Component;

/** The ledger as operators read it: state, counts and the time each step took, and one file's full report. */
@Component
class FileOverview {

    private final FileLedger ledger;
    private final FileReports reports;

    FileOverview(FileLedger ledger, FileReports reports) {
        this.ledger = ledger;
        this.reports = reports;
    }

    List<FileSummary> recent(int limit) {
        return ledger.recentSummaries(limit);
    }

    Optional<FileSummary> summary(long id) {
        return ledger.summary(id);
    }

    Optional<FileReport<FileSummary>> report(long id) {
        return summary(id).map(file -> reports.of(id, file));
    }
}
