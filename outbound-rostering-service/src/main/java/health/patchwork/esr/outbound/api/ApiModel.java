package health.patchwork.esr.outbound.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.outbound.registration.Registrations.Registration;

/** The JSON shapes of the platform API. Records only; no behaviour. */
public final class ApiModel {

    private ApiModel() {
    }

    /** A worker: the person's slice in force on the requested date. */
    public record Worker(String personId, String employeeNumber, String title, String firstName, String lastName,
                         String preferredName, String officeEmail, LocalDate hireDate, LocalDate terminationDate,
                         LocalDate effectiveStart, LocalDate effectiveEnd, String recordStatus, Instant updatedAt) {
    }

    public record WorkerDetail(Worker worker, List<Assignment> assignments, List<Registration> registrations) {
    }

    public record Assignment(String assignmentId, String assignmentNumber, String personId, LocalDate effectiveStart,
                             LocalDate effectiveEnd, String assignmentStatus, String primaryFlag, BigDecimal fte,
                             BigDecimal normalHours, String organisationId, String positionId, String grade,
                             String jobName, String taFlag, String costCentre, String recordStatus,
                             Instant updatedAt) {
    }

    public record Page<T>(List<T> items, int page, int size, boolean hasMore) {
    }

    public record Change(long seq, String entityType, String entityId, String change, long fileId,
                         Instant appliedAt) {
    }

    /** A page of the change feed; pass {@code nextCursor} as {@code after} to continue. */
    public record ChangePage(List<Change> changes, String nextCursor, boolean hasMore) {
    }

    /**
     * A ledger row. {@code downloadAttempts} counts the downloads started (more than one: earlier ones failed, and
     * each failure is in the history); {@code lastFailure} says why the last failed one failed.
     */
    public record FileEntry(long id, String fileName, String direction, String extractType, Long sequenceNumber,
                            String state, String outcome, String sha256, Long sizeBytes, LocalDateTime runDate,
                            Instant discoveredAt, Instant updatedAt, String detail, int downloadAttempts,
                            String lastFailure, Instant lastFailureAt) {
    }


    public record RefreshRequestResult(String fileName, boolean sent, String reason) {
    }

    public record DryRunResult(String fileName, String validationOutcome, Object validation, String sequenceDecision,
                               boolean wouldBeHeldByThreshold, Object thresholdFigures, Map<String, Long> changeCounts,
                               List<DiffEntry> changes, boolean changesTruncated) {
    }

    public record DiffEntry(String entityType, String entityId, String change) {
    }
}
