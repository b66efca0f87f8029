package health.patchwork.esr.outbound.ledger;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One row of the file ledger: a file seen in the mailbox (or sent to it) and what became of it.
 *
 * @param attempts times the file was validated
 * @param downloadAttempts times its download was started (a failed one is retried on the next poll, into this row)
 * @param lastFailure why the last failed download failed, in an operator's words; null if none failed
 */
public record LedgerEntry(long id, String fileName, String direction, String sha256, Long sizeBytes,
                          String extractType, Long sequenceNumber, LedgerState state, String outcome,
                          LocalDateTime runDate, LocalDateTime previousRunDate, String localPath, String archivePath,
                          boolean approved, int attempts, Instant discoveredAt, Instant updatedAt, String detail,
                          int downloadAttempts, String lastFailure, Instant lastFailureAt) {

    public boolean isFull() {
        return "FULL".equals(extractType);
    }
}
