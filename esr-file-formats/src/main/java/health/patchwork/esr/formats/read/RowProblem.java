package health.patchwork.esr.formats.read;

/**
 * A problem found in one outbound data row by {@link OutboundRowChecker}. Never carries a field value.
 *
 * @param warning  true when the row is still acceptable (ignored types, tolerant field counts)
 * @param expected what was expected, e.g. "51" or "YYYYMMDD"
 * @param actual   structural observation only, e.g. the field count; null for value problems
 */
public record RowProblem(Kind kind, boolean warning, String fieldName, String expected, String actual,
                         String message) {

    public enum Kind {
        FIELD_COUNT,
        /** More fields than the layout, all the extra ones empty and at the end: layout drift, a warning. */
        TRAILING_EMPTY_FIELDS,
        MISSING_VALUE,
        INVALID_VALUE
    }
}
