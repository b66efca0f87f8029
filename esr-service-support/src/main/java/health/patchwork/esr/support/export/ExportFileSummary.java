package health.patchwork.esr.support.export;

import java.time.Instant;

/**
 * A ledger row as operators read it (the {@code esrfiles} actuator endpoint of either inbound service).
 *
 * @param period YYPP, e.g. 2708
 * @param run      N (normal) or S (supplementary)
 * @param delivery how an UPLOADED file is known to have reached the mailbox ({@link ExportDelivery}); null before
 * @param payroll  ESR's name of the file's payroll where the Trust configures several; null for its one payroll
 */
public record ExportFileSummary(long id, String fileName, long sequence, String period, String run, String state,
                                int rows, Long sizeBytes, String sha256, Instant generatedAt, Instant uploadedAt,
                                String delivery, String payroll) {
}
