package health.patchwork.esr.absence.status;

/** Where an absence stands between the platform and ESR. */
public enum AbsenceStatus {
    /** Not yet in a file, or changed since its last file (the change goes in the next file). */
    PENDING,
    /** In file {@code lastFile}; ESR has not echoed it back yet. */
    EXPORTED,
    /** ESR's outbound feed carries it with our reference, as we last sent it. */
    CONFIRMED,
    /** Left out of an export, or exported and not echoed within the reconciliation window. */
    NEEDS_ATTENTION,
    /** Cancelled before it was ever sent: nothing went to ESR. */
    CANCELLED,
    /** Cancelled after it was sent: a DEL record went to ESR. */
    WITHDRAWN
}
