package health.patchwork.esr.attendance.export;

import health.patchwork.esr.support.metrics.DatabaseGauge;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Timesheet rows accepted but not yet in a TA file: what the next export will carry. */
@Component
class AwaitingExportGauge {

    AwaitingExportGauge(JdbcClient jdbc, MeterRegistry meters) {
        DatabaseGauge.register(meters, "esr.attendance.lines.awaiting.export",
                "Timesheet rows accepted and not yet in a TA file",
                () -> jdbc.sql("select count(*) from export_entry where export_file_id is null")
                        .query(Long.class).single());
    }
}
