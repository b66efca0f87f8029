package health.patchwork.esr.outbound.ledger;

/**
 * The outcomes this service decides itself, as {@code file_ledger.outcome} and its events store them (by name). The
 * other outcomes come from the format library: a validation report's outcome and a sequence decision's.
 */
public enum FileOutcome {
    /** Held: the file would change more records than the threshold lets through without an operator. */
    HELD_THRESHOLD,
    /** Quarantined: a file of a name applied before came again with other content. */
    REJECTED_DUPLICATE_NAME_CHANGED,
    /** Quarantined: an operator rejected the held file. */
    REJECTED_BY_OPERATOR,
    /** An event: one download attempt failed; the file is tried again. */
    DOWNLOAD_FAILED;

    /** Whether a stored outcome is this one. */
    public boolean is(String stored) {
        return name().equals(stored);
    }
}
