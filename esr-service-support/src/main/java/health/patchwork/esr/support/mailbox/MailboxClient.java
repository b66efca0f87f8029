package health.patchwork.esr.support.mailbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Trust's ESR mailbox, whatever carries it (SFTP today; ESR also runs FTPS mailboxes). Names are plain file
 * names inside a remote folder; folders are absolute remote paths.
 */
public interface MailboxClient {

    /** Regular files in {@code folder}, in no particular order. */
    List<RemoteFile> list(String folder);

    Optional<RemoteFile> stat(String folder, String name);

    /** Copies a remote file to {@code target}, replacing it. */
    void download(String folder, String name, Path target);

    /**
     * Publishes {@code source} as {@code folder/name}: written as {@code name.part}, its remote size checked, then
     * renamed, so that ESR never collects a partial file. An existing {@code name} is never overwritten.
     *
     * @throws RemoteFileExistsException when {@code name} is already there
     */
    void upload(Path source, String folder, String name);

    /** Opens a session and lists {@code folder}: proves reachability, authentication and the pinned host key. */
    void probe(String folder);
}
