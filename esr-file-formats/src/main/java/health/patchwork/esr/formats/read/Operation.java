package health.patchwork.esr.formats.read;

/** What an outbound row asks for: the A or D suffix of its record type. */
public enum Operation {
    /** {@code …A}: add or update (upsert) by key. */
    ADD_OR_UPDATE,
    /** {@code …D}: delete by the entity's own ID. */
    DELETE,
    /** Unsuffixed types (HDR, TRL, LOV) and unknown record types. */
    NONE
}
