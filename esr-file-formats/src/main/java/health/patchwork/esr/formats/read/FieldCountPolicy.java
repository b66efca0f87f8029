package health.patchwork.esr.formats.read;

/**
 * How a row whose field count differs from its layout is treated (docs/spec/README.md §6.1 check 12, [D]
 * {@code outbound.fieldCountPolicy}), per record type through {@link FieldCountPolicies}.
 */
public enum FieldCountPolicy {
    /** A rows of stored types must have exactly the layout's field count. */
    STRICT,
    /**
     * Also accept rows with extra fields at the end that are all empty (a warning, once per record type per file,
     * and the rows counted): live ESR files have grown trailing empty fields within months of go-live (a Trust's
     * public parser added ORA +1, ASA +1, ABA +7, CMA +4). A missing field, or an extra field with a value, is
     * still an error: that is damage or a layout change, not drift.
     */
    TRAILING_EMPTY,
    /** Also accept rows whose extra or missing fields are all empty and at the end (a warning). */
    TOLERANT
}
