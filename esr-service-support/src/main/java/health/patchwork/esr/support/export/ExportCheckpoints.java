package health.patchwork.esr.support.export;

/**
 * Points between the steps of an export where a process can die. Production uses {@link #NONE}; crash tests throw
 * from one of them to stop an export exactly there, then restart the exporter and check the outcome.
 */
public interface ExportCheckpoints {

    ExportCheckpoints NONE = new ExportCheckpoints() {
    };

    /** Inside the generating transaction, after the local file is written; throwing rolls all of it back. */
    default void beforeCommit(long fileId) {
    }

    /** The transaction that tagged the items and recorded the file has committed; nothing is on the mailbox yet. */
    default void afterGenerated(ExportedFile file) {
    }

    /**
     * The complete temporary file is on the mailbox and the ledger says RENAMING (committed); the rename has not
     * been asked for.
     */
    default void beforeRename(ExportedFile file) {
    }

    /** The file is on the mailbox under its final name; the ledger still says RENAMING. */
    default void afterUploaded(ExportedFile file) {
    }
}
