package health.patchwork.esr.support.mailbox;

/** An upload would have overwritten a file already published in the mailbox. */
public class RemoteFileExistsException extends MailboxException {

    public RemoteFileExistsException(String path) {
        super("remote file already exists, refusing to overwrite: " + path);
    }
}
