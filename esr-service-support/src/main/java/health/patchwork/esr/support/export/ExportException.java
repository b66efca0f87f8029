package health.patchwork.esr.support.export;

/** An export cannot go on safely without an operator: the ledger, the local copy and the mailbox disagree. */
public class ExportException extends RuntimeException {

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
