package health.patchwork.esr.support.export;

import java.util.concurrent.TimeUnit;

import health.patchwork.esr.formats.name.InboundFileType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What an operator graphs for an inbound interface: files sent (and whether a restart had to finish one, and whether
 * ESR had collected it before the restart could), rows carried, exports that failed, and how long an export takes
 * from the first row tagged to the file on the mailbox. Tagged with the file type (TA, AB).
 */
final class ExportMetrics {

    private final Counter uploaded;
    private final Counter recovered;
    private final Counter failed;
    private final Counter collected;
    private final Counter rows;
    private final Timer duration;

    ExportMetrics(MeterRegistry meters, InboundFileType fileType) {
        String type = fileType.name();
        this.uploaded = files(meters, type, "uploaded");
        this.recovered = files(meters, type, "recovered");
        this.failed = files(meters, type, "failed");
        this.collected = files(meters, type, "collected");
        this.rows = Counter.builder("esr.export.rows").tag("file_type", type)
                .description("Rows carried by the files sent to ESR").register(meters);
        this.duration = Timer.builder("esr.export.duration").tag("file_type", type)
                .description("From the first row tagged to the file confirmed on the mailbox").register(meters);
    }

    private static Counter files(MeterRegistry meters, String type, String outcome) {
        return Counter.builder("esr.export.files").tag("file_type", type).tag("outcome", outcome)
                .description("Export files by outcome: uploaded, recovered (finished after a restart), failed,"
                        + " collected (recovery found it already collected by ESR, so it was not sent again)")
                .register(meters);
    }

    void sent(int rowCount, long nanos) {
        uploaded.increment();
        rows.increment(rowCount);
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void recovered() {
        recovered.increment();
    }

    void failed() {
        failed.increment();
    }

    void collected() {
        collected.increment();
    }
}
