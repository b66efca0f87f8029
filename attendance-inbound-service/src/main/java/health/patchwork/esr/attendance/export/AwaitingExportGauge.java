package health.patchwork.esr.attendance.export;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.support.metrics.DatabaseGauge;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Timesheet rows accepted but not yet in a TA file (what the next export will carry), and the claims among them that a
 * check before export holds out of files: those miss their run until the feed or the platform puts them right.
 */
@Component
class AwaitingExportGauge {

    AwaitingExportGauge(ExportEntries entries, MeterRegistry meters) {
        DatabaseGauge.register(meters, "esr.attendance.lines.awaiting.export",
                "Timesheet rows accepted and not yet in a TA file", entries::countPending);
        DatabaseGauge.register(meters, "esr.attendance.claims.held",
                "Pending claims a check before export holds out of TA files", entries::countHeld);
    }
}
