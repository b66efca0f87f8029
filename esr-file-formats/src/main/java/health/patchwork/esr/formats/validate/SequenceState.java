package health.patchwork.esr.formats.validate;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A Trust's position in ESR's outbound sequence (docs/spec/README.md §7.4), as the outbound service keeps it.
 *
 * @param lastSeq            sequence of the last applied file; 0 before the first
 * @param lastRunDate        HDR run date of the last applied file; null before the first
 * @param baselineApplied    a GOF has been applied at least once
 * @param refreshPending     a GDR has been sent and no GOF has arrived yet
 * @param refreshRequestedOn the day the last GDR was sent (at most one a day); null if none
 */
public record SequenceState(long lastSeq, LocalDateTime lastRunDate, boolean baselineApplied, boolean refreshPending,
                            LocalDate refreshRequestedOn) {

    /** The part the sequence rules read. */
    public SequenceState(long lastSeq, boolean baselineApplied, boolean refreshPending) {
        this(lastSeq, null, baselineApplied, refreshPending, null);
    }

    public static SequenceState initial() {
        return new SequenceState(0, false, false);
    }
}
