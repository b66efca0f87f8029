package health.patchwork.esr.support.audit;

/** The outcome of an operation as the audit row records it; the detail names files and periods, never people. */
public record AuditResult(AuditOutcome outcome, String detail) {

    public static AuditResult done(String detail) {
        return new AuditResult(AuditOutcome.DONE, detail);
    }

    /** The request was valid but changed nothing, e.g. a refresh request already sent today. */
    public static AuditResult refused(String detail) {
        return new AuditResult(AuditOutcome.REFUSED, detail);
    }
}
