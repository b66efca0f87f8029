package health.patchwork.esr.support.mailbox;

/** A mailbox operation failed: connection, authentication, host key, or the remote file system said no. */
public class MailboxException extends RuntimeException {

    public MailboxException(String message, Throwable cause) {
        super(message, cause);
    }

    public MailboxException(String message) {
        super(message);
    }
}
