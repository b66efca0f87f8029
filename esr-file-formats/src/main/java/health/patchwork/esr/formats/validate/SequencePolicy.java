package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.name.OutboundFileName;

/**
 * docs/spec/README.md §7.4 as a pure function. Rows of the table are tried in this order: duplicate; then for a GOC no
 * baseline, stale, refresh pending, next in sequence, gap; for a GOF refresh pending, newer, stale.
 * A GOC at or below {@code lastSeq} is stale even while a refresh is pending: it can never apply.
 */
public final class SequencePolicy {

    private SequencePolicy() {
    }

    /**
     * @param alreadyAppliedSameHash the ledger holds this name with the same SHA-256
     */
    public static SequenceDecision classify(ExtractType type, long sequence, SequenceState state,
                                            boolean alreadyAppliedSameHash) {
        if (alreadyAppliedSameHash) {
            return SequenceDecision.DUPLICATE;
        }
        if (type == ExtractType.FULL) {
            if (state.refreshPending() || sequence > state.lastSeq()) {
                return SequenceDecision.APPLY;
            }
            return SequenceDecision.REJECTED_STALE;
        }
        if (!state.baselineApplied()) {
            return SequenceDecision.HELD_NO_BASELINE;
        }
        if (sequence <= state.lastSeq()) {
            return SequenceDecision.REJECTED_STALE;
        }
        if (state.refreshPending()) {
            return SequenceDecision.HELD_AWAITING_REFRESH;
        }
        return sequence == state.lastSeq() + 1 ? SequenceDecision.APPLY : SequenceDecision.HELD_SEQUENCE_GAP;
    }

    public static SequenceDecision classify(OutboundFileName file, SequenceState state,
                                            boolean alreadyAppliedSameHash) {
        return classify(file.extractType(), file.sequence(), state, alreadyAppliedSameHash);
    }
}
