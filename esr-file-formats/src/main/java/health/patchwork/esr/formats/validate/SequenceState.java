package health.patchwork.esr.formats.validate;

/**
 * The per-trust sequence state the services hold (docs/spec/README.md §7.4).
 *
 * @param lastSeq         sequence of the last applied file; 0 before the first
 * @param baselineApplied a GOF has been applied at least once
 * @param refreshPending  a GDR has been sent and no GOF has arrived yet
 */
public record SequenceState(long lastSeq, boolean baselineApplied, boolean refreshPending) {

    public static SequenceState initial() {
        return new SequenceState(0, false, false);
    }
}
