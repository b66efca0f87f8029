package health.patchwork.esr.support.audit;

/**
 * What became of an audited request. STARTED stays only when the process stopped before the outcome was known: the
 * file ledger then tells what happened.
 */
public enum AuditOutcome {
    STARTED,
    DONE,
    REFUSED,
    FAILED
}
