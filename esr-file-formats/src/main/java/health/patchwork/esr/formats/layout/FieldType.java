package health.patchwork.esr.formats.layout;

/**
 * Field types of docs/spec/outbound-rostering.md §1, plus three that only inbound files use.
 */
public enum FieldType {
    /** Text; trimmed. */
    X,
    /** ESR internal identifier: opaque text, compared exactly. */
    ID,
    /** Date {@code YYYYMMDD}. */
    D,
    /** Timestamp {@code YYYYMMDD HHMMSS}. */
    T,
    /** Date or timestamp. */
    D_T,
    /** Time of day {@code HH:MM}. */
    HM,
    /** Number: optional {@code -}, digits, optional {@code .} and decimals. */
    N,
    /** Flag: Y/Yes, N/No or another short code kept raw. */
    F,
    /** Inbound HDR timestamp {@code YYYYMMDDHHMMSS}. */
    TS_COMPACT,
    /** Inbound amount {@code 0.00}: exactly two decimals. */
    AMOUNT,
    /** Inbound ATT input value: an amount, a whole number, a {@code dd-MMM-yyyy} date or text. */
    INPUT_VALUE
}
