package health.patchwork.esr.attendance.mapping;

/** How an input value is written (docs/spec/inbound-files.md §1.1). */
public enum ValueFormat {
    /** {@code 0.00}. */
    DECIMAL_2,
    /** Plain digits. */
    INTEGER,
    /** {@code dd-MMM-yyyy}. */
    DATE_DMY,
    /** As it is (unquoted). */
    TEXT
}
