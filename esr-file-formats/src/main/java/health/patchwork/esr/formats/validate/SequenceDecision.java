package health.patchwork.esr.formats.validate;

/** What to do with an outbound file given the sequence state (docs/spec/README.md §6.1 check 14, §7.4). */
public enum SequenceDecision {
    APPLY(null, false),
    /** Same name and hash already applied: idempotent no-op. */
    DUPLICATE("DUPLICATE_NOOP", false),
    /** Hold this and every later GOC, and send a GDR. */
    HELD_SEQUENCE_GAP("HELD_SEQUENCE_GAP", true),
    /** A full refresh is pending: hold until a GOF arrives. */
    HELD_AWAITING_REFRESH("HELD_AWAITING_REFRESH", false),
    /** No baseline yet: hold until a GOF arrives, and ask ESR for one. */
    HELD_NO_BASELINE("HELD_AWAITING_REFRESH", true),
    REJECTED_STALE("REJECTED_STALE", false);

    private final String outcome;
    private final boolean requestsRefresh;

    SequenceDecision(String outcome, boolean requestsRefresh) {
        this.outcome = outcome;
        this.requestsRefresh = requestsRefresh;
    }

    /** The ledger outcome (docs/spec/README.md §6.3), null for APPLY. */
    public String outcome() {
        return outcome;
    }

    /** Whether a full-refresh request (GDR) is to be sent. */
    public boolean requestsRefresh() {
        return requestsRefresh;
    }

    public boolean held() {
        return outcome != null && outcome.startsWith("HELD_");
    }
}
