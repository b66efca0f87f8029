package health.patchwork.esr.support.export;

/**
 * Where a file is in its life. GENERATED: its items are tagged with it and its content hash is recorded, but it is
 * not (known to be) on the mailbox, and no rename of it has been tried. RENAMING: its complete temporary file (the
 * ledger's {@code upload_part}) is on the mailbox and the rename to its final name may have happened; committed
 * before the rename is asked for, so that recovery knows a file that is now nowhere was published and collected.
 * UPLOADED: published under its final name ({@link ExportDelivery} says how that is known); its sequence number is
 * consumed.
 */
public enum ExportState {
    GENERATED,
    RENAMING,
    UPLOADED
}
