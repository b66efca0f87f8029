package health.patchwork.esr.formats.read;

/** docs/spec/README.md §6.1 [D] {@code outbound.fieldCountPolicy}. */
public enum FieldCountPolicy {
    /** A rows of stored types must have exactly the layout's field count. */
    STRICT,
    /** Also accept rows whose extra or missing fields are all empty and at the end (a warning). */
    TOLERANT
}
