package health.patchwork.esr.outbound.mailbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.RemoteFile;

/**
 * Passes every call to the real mailbox client; a test overrides one call to bend it (a file that vanishes, a
 * listing that fails or waits), so that everything else stays the real client talking to the real SFTP server.
 */
abstract class ForwardingMailbox implements MailboxClient {

    protected final MailboxClient real;

    ForwardingMailbox(MailboxClient real) {
        this.real = real;
    }

    @Override
    public List<RemoteFile> list(String folder) {
        return real.list(folder);
    }

    @Override
    public Optional<RemoteFile> stat(String folder, String name) {
        return real.stat(folder, name);
    }

    @Override
    public void download(String folder, String name, Path target) {
        real.download(folder, name, target);
    }

    @Override
    public void upload(Path source, String folder, String name, RenameGuard beforeRename) {
        real.upload(source, folder, name, beforeRename);
    }

    @Override
    public void writeTemporary(Path source, String folder, String temporaryName) {
        real.writeTemporary(source, folder, temporaryName);
    }

    @Override
    public void rename(String folder, String temporaryName, String name, RenameGuard beforeRename) {
        real.rename(folder, temporaryName, name, beforeRename);
    }

    @Override
    public void remove(String folder, String name) {
        real.remove(folder, name);
    }

    @Override
    public void probe(String folder) {
        real.probe(folder);
    }
}
