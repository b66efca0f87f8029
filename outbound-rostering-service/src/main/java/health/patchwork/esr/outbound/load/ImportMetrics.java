package health.patchwork.esr.outbound.load;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.outbound.ledger.LedgerEntry;
import health.patchwork.esr.outbound.ledger.LedgerState;
import health.patchwork.esr.support.metrics.DatabaseGauge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What an operator graphs for the outbound interface: GO files processed by extract and outcome, records read per
 * record type, rejects found by validation, how long a file takes from its first check to its outcome, and the
 * time since ESR last delivered a file (the lag a late feed shows first).
 */
@Component
public class ImportMetrics {

    private final MeterRegistry meters;

    public ImportMetrics(MeterRegistry meters, FileLedger ledger, Clock clock) {
        this.meters = meters;
        DatabaseGauge.register(meters, "esr.outbound.last.file.age.seconds",
                "Seconds since ESR last delivered a GO file (NaN before the first)", () -> ledger.lastReceived()
                        .map(last -> (Number) Duration.between(last.at(), clock.instant()).toSeconds())
                        .orElse(Double.NaN));
    }

    /** A file reached an outcome (applied, held, quarantined, duplicate) after {@code elapsed}. */
    void processed(LedgerEntry entry, LedgerState outcome, Duration elapsed) {
        String extract = entry.extractType() == null ? "UNKNOWN" : entry.extractType();
        Counter.builder("esr.outbound.files").tag("extract", extract).tag("outcome", outcome.name())
                .description("GO files processed, by extract type and outcome").register(meters).increment();
        Timer.builder("esr.outbound.import.duration").tag("extract", extract).tag("outcome", outcome.name())
                .description("From a downloaded file's first check to its outcome, the apply included")
                .register(meters).record(elapsed);
    }

    /** The rows a validated file holds per record type, the drifted rows among them, and its rejects. */
    void validated(ValidationReport report) {
        for (Map.Entry<String, Long> count : report.countsByRecordType().entrySet()) {
            Counter.builder("esr.outbound.records").tag("record_type", count.getKey())
                    .description("Records read from GO files, by record type").register(meters)
                    .increment(count.getValue());
        }
        for (Map.Entry<String, Long> drift : report.trailingEmptyFieldRows().entrySet()) {
            Counter.builder("esr.outbound.layout.drift.rows").tag("record_type", drift.getKey())
                    .description("Rows accepted with extra empty fields at the end (layout drift), by record type")
                    .register(meters).increment(drift.getValue());
        }
        if (!report.issues().isEmpty()) {
            Counter.builder("esr.outbound.rejects").tag("outcome", report.outcome().name())
                    .description("Validation issues found in GO files, by the file's outcome").register(meters)
                    .increment(report.issues().size());
        }
    }
}
