package health.patchwork.esr.support.export;

/**
 * Where a file is in its life. GENERATED: its items are tagged with it and its content hash is recorded, but it is
 * not (known to be) on the mailbox. UPLOADED: published under its final name; its sequence number is consumed.
 */
public enum ExportState {
    GENERATED,
    UPLOADED
}
