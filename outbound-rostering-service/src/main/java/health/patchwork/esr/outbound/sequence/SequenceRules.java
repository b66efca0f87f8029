package health.patchwork.esr.outbound.sequence;

/** The table of README §7.4, as a pure function of the file and the current state. */
public final class SequenceRules {

    private SequenceRules() {
    }

    public static SequenceDecision decide(boolean full, long sequence, SequenceState state) {
        if (full) {
            // a snapshot may follow a gap; only an old one is refused, unless we asked for a refresh
            return state.refreshPending() || sequence > state.lastSeq()
                    ? SequenceDecision.APPLY : SequenceDecision.REJECTED_STALE;
        }
        if (!state.baseline()) {
            return SequenceDecision.HELD_NO_BASELINE;
        }
        if (state.refreshPending()) {
            return SequenceDecision.HELD_AWAITING_REFRESH;
        }
        if (sequence <= state.lastSeq()) {
            return SequenceDecision.REJECTED_STALE;
        }
        return sequence == state.lastSeq() + 1 ? SequenceDecision.APPLY : SequenceDecision.HELD_SEQUENCE_GAP;
    }
}
