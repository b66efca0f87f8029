package health.patchwork.esr.support.export;

/** How the ledger knows an UPLOADED file reached the mailbox (column {@code delivery}; null for older rows). */
public enum ExportDelivery {
    /** This service renamed it to its final name and saw the rename succeed. */
    RENAMED,
    /** Recovery found it under its final name with the recorded size and SHA-256. */
    FOUND,
    /**
     * Recovery found neither the final name nor the temporary file of a RENAMING file: the rename happened and ESR
     * collected the file before the ledger was updated. It is not sent again.
     */
    COLLECTED
}
