package health.patchwork.esr.formats;

/** Reason codes of {@link EsrFormatException}. */
public enum ErrorReason {
    INVALID_FILE_NAME,
    INVALID_LAYOUT,
    UNKNOWN_FIELD,
    MISSING_VALUE,
    INVALID_VALUE,
    FIELD_COUNT,
    INVALID_CHARACTER,
    LINE_TOO_LONG,
    STRUCTURE,
    RECORD_COUNT,
    IO_ERROR
}
