package health.patchwork.esr.outbound.ledger;

/** Where a file is in its life here. The outcome (docs/spec/README.md §6.3) says why it stopped where it did. */
public enum LedgerState {
    DISCOVERED,
    DOWNLOADED,
    VALIDATED,
    APPLIED,
    HELD,
    QUARANTINED,
    IGNORED,
    DUPLICATE,
    REJECTED,
    SUPERSEDED,
    /** A full-refresh request we uploaded. */
    SENT;

    /** States a restart must carry on from: downloaded and not yet applied or parked. */
    public boolean unfinished() {
        return this == DOWNLOADED || this == VALIDATED;
    }
}
