package health.patchwork.esr.formats.validate;

/** What to do with an outbound file given the sequence state (docs/spec/README.md §7.4). */
public enum SequenceDecision {
    APPLY,
    /** Same name and hash already applied: idempotent no-op ({@code DUPLICATE_NOOP} in the ledger). */
    DUPLICATE,
    /** Hold this and every later GOC, and send a GDR. */
    HELD_SEQUENCE_GAP,
    /** No baseline yet, or a full refresh is pending: hold until a GOF arrives. */
    HELD_AWAITING_REFRESH,
    REJECTED_STALE
}
