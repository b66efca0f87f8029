package health.patchwork.esr.attendance.export;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.support.metrics.DatabaseGauge;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Timesheet rows accepted but not yet in a TA file: what the next export will carry. */
@Component
class AwaitingExportGauge {

    AwaitingExportGauge(ExportEntries entries, MeterRegistry meters) {
        DatabaseGauge.register(meters, "esr.attendance.lines.awaiting.export",
                "Timesheet rows accepted and not yet in a TA file", entries::countPending);
    }
}
