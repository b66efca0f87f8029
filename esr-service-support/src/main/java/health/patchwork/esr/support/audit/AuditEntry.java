package health.patchwork.esr.support.audit;

import java.time.Instant;

/**
 * One row of {@code operator_audit}: who asked for what, on which file or period, through which channel, and what
 * came of it.
 *
 * @param subject the token's subject
 * @param displayName the token's display claim ({@code esr.audit.display-claim}), if it had one
 * @param target the file (id and name) or period the operation was about
 */
public record AuditEntry(long id, Instant requestedAt, Instant finishedAt, String subject, String displayName,
                         String action, String target, AuditChannel channel, AuditOutcome outcome, String detail) {
}
