package health.patchwork.esr.attendance.ledger;

import health.patchwork.esr.attendance.mapping.ClaimValues;

/** An entry as a TA file writes it: its values, and the mapping it was accepted under (null: the current one). */
public record FileRow(EntryKind kind, ClaimValues values, Long mappingId) {

    public boolean reversal() {
        return kind == EntryKind.REVERSAL;
    }
}
