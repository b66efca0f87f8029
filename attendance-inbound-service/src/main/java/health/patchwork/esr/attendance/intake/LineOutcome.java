package health.patchwork.esr.attendance.intake;

/** What happened to one posted line. */
public enum LineOutcome {
    /** New line stored, pending export. */
    CREATED,
    /** Known line, not yet exported, with different content: its pending claim now says the new content. */
    AMENDED,
    /** Known line with the same content: nothing changed (idempotent re-post). */
    UNCHANGED,
    /** Refused; the errors say which field and why. */
    REJECTED
}
