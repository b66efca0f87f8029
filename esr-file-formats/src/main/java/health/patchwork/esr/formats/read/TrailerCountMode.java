package health.patchwork.esr.formats.read;

/** docs/spec/README.md §5 [D] {@code outbound.trailerCountMode}: what the TRL count counts. */
public enum TrailerCountMode {
    /** Every non-blank line, HDR and TRL included. */
    ALL_ROWS,
    /** Data rows only. */
    DATA_ROWS;

    public long expectedCount(long nonBlankLines) {
        return this == ALL_ROWS ? nonBlankLines : nonBlankLines - 2;
    }
}
