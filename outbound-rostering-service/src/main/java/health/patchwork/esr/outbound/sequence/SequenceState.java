package health.patchwork.esr.outbound.sequence;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The Trust's position in ESR's outbound sequence (docs/spec/README.md §7.4).
 *
 * @param lastSeq sequence of the last applied file, 0 before the first
 * @param lastRunDate HDR run date of the last applied file
 * @param baseline whether a full file has ever been applied
 * @param refreshPending a full-refresh request was sent and no full file has arrived since
 * @param refreshRequestedOn the day the last request was sent (at most one a day)
 */
public record SequenceState(long lastSeq, LocalDateTime lastRunDate, boolean baseline, boolean refreshPending,
                            LocalDate refreshRequestedOn) {
}
