package health.patchwork.esr.attendance.ledger;

/** A warning a line's claim went into its file with. */
public record LineWarning(String lineId, String warning) {
}
