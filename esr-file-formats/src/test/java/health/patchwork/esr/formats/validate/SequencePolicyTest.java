package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.name.ExtractType;
import org.junit.jupiter.api.Test;

import static health.patchwork.esr.formats.name.ExtractType.CHANGE;
import static health.patchwork.esr.formats.name.ExtractType.FULL;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/spec/README.md §7.4, row by row. */
class SequencePolicyTest {

    private static final SequenceState AT_42 = new SequenceState(42, true, false);
    private static final SequenceState AT_42_PENDING = new SequenceState(42, true, true);

    private static SequenceDecision classify(ExtractType type, long seq, SequenceState state) {
        return SequencePolicy.classify(type, seq, state, false);
    }

    @Test
    void sameNameAndHashIsADuplicate() {
        assertThat(SequencePolicy.classify(CHANGE, 42, AT_42, true)).isEqualTo(SequenceDecision.DUPLICATE);
    }

    @Test
    void changeFiles() {
        assertThat(classify(CHANGE, 1, SequenceState.initial())).isEqualTo(SequenceDecision.HELD_NO_BASELINE);
        assertThat(SequenceDecision.HELD_NO_BASELINE.outcome()).isEqualTo("HELD_AWAITING_REFRESH");
        assertThat(SequenceDecision.HELD_NO_BASELINE.requestsRefresh()).isTrue();
        assertThat(SequenceDecision.HELD_AWAITING_REFRESH.requestsRefresh()).isFalse();
        assertThat(classify(CHANGE, 43, AT_42)).isEqualTo(SequenceDecision.APPLY);
        assertThat(classify(CHANGE, 42, AT_42)).isEqualTo(SequenceDecision.REJECTED_STALE);
        assertThat(classify(CHANGE, 7, AT_42)).isEqualTo(SequenceDecision.REJECTED_STALE);
        assertThat(classify(CHANGE, 44, AT_42)).isEqualTo(SequenceDecision.HELD_SEQUENCE_GAP);
        assertThat(classify(CHANGE, 43, AT_42_PENDING)).isEqualTo(SequenceDecision.HELD_AWAITING_REFRESH);
    }

    @Test
    void fullFiles() {
        assertThat(classify(FULL, 10, AT_42_PENDING)).isEqualTo(SequenceDecision.APPLY);
        assertThat(classify(FULL, 50, AT_42)).isEqualTo(SequenceDecision.APPLY);
        assertThat(classify(FULL, 42, AT_42)).isEqualTo(SequenceDecision.REJECTED_STALE);
        assertThat(classify(FULL, 1, SequenceState.initial())).isEqualTo(SequenceDecision.APPLY);
    }
}
