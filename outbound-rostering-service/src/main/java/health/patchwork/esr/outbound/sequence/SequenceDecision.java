package health.patchwork.esr.outbound.sequence;

/** What the sequence rules say to do with a valid file (docs/spec/README.md §6.1 check 14, §7.4). */
public enum SequenceDecision {
    APPLY(null, false),
    HELD_SEQUENCE_GAP("HELD_SEQUENCE_GAP", true),
    HELD_AWAITING_REFRESH("HELD_AWAITING_REFRESH", false),
    /** No baseline yet: hold, and ask for one. */
    HELD_NO_BASELINE("HELD_AWAITING_REFRESH", true),
    REJECTED_STALE("REJECTED_STALE", false);

    private final String outcome;
    private final boolean requestsRefresh;

    SequenceDecision(String outcome, boolean requestsRefresh) {
        this.outcome = outcome;
        this.requestsRefresh = requestsRefresh;
    }

    /** The ledger outcome, null for APPLY. */
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
