package health.patchwork.esr.attendance.ledger;

/** What an ATT-row ledger entry is; {@code export_entry.kind} holds the name. */
public enum EntryKind {
    /** Carries a line's values. */
    CLAIM,
    /** Repeats an exported claim, its numeric values negated when written (docs/spec/inbound-files.md §2.3). */
    REVERSAL
}
