package health.patchwork.esr.attendance.intake;

/** What happened to one posted line. */
enum LineOutcome {
    /** New line stored, pending export. */
    CREATED,
    /** Known line, not yet exported, with different content: its pending claim now says the new content. */
    AMENDED,
    /** Known line with the same content: nothing changed (idempotent re-post). */
    UNCHANGED,
    /** Correction of an exported line: a reversal of what was sent plus a claim with the new values, both pending. */
    CORRECTED,
    /** Withdrawn: the pending claim dropped and, if it had been sent, a reversal pending. */
    WITHDRAWN,
    /** Refused; the errors say which field and why. */
    REJECTED
}
