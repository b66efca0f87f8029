package health.patchwork.esr.outbound.ledger;

import java.time.Instant;

/**
 * One file as operators read it: where it is, how big, and when each step happened.
 *
 * @param attempts times it was validated
 * @param downloadAttempts times its download was started; more than one means earlier ones failed
 * @param lastFailure why the last failed download failed (an operator's words), null if none did
 */
public record FileSummary(long id, String fileName, String direction, String extractType, Long sequenceNumber,
                          String state, String outcome, Long sizeBytes, Long lineCount, int warningCount, int attempts,
                          Instant discoveredAt, Instant downloadedAt, Instant validatedAt, Instant appliedAt,
                          Long applyMillis, Instant updatedAt, String detail, int downloadAttempts, String lastFailure,
                          Instant lastFailureAt) {
}
