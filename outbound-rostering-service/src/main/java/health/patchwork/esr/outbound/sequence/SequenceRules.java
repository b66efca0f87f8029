package health.patchwork.esr.outbound.sequence;

import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.validate.SequencePolicy;

/**
 * The table of docs/spec/README.md §7.4, from the library's {@link SequencePolicy}, plus this service's one addition: whether
 * the decision asks ESR for a full refresh (a gap, or a change file with no baseline).
 */
public final class SequenceRules {

    private SequenceRules() {
    }

    public static SequenceDecision decide(boolean full, long sequence, SequenceState state) {
        var policy = SequencePolicy.classify(full ? ExtractType.FULL : ExtractType.CHANGE, sequence,
                new health.patchwork.esr.formats.validate.SequenceState(state.lastSeq(), state.baseline(),
                        state.refreshPending()),
                false); // duplicates by name and hash are settled by the ledger before this point
        return switch (policy) {
            case APPLY -> SequenceDecision.APPLY;
            case REJECTED_STALE, DUPLICATE -> SequenceDecision.REJECTED_STALE;
            case HELD_SEQUENCE_GAP -> SequenceDecision.HELD_SEQUENCE_GAP;
            case HELD_AWAITING_REFRESH -> state.baseline()
                    ? SequenceDecision.HELD_AWAITING_REFRESH : SequenceDecision.HELD_NO_BASELINE;
        };
    }
}
