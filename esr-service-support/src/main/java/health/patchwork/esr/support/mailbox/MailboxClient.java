package health.patchwork.esr.support.mailbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Trust's ESR mailbox, whatever carries it (SFTP today; ESR also runs FTPS mailboxes). Names are plain file
 * names inside a remote folder; folders are absolute remote paths. Every call is bounded in time: a stalled
 * connection ends in a {@link MailboxException} saying so, never in a hang.
 */
public interface MailboxClient {

    /** Regular files in {@code folder}, in no particular order. */
    List<RemoteFile> list(String folder);

    Optional<RemoteFile> stat(String folder, String name);

    /**
     * Copies a remote file to {@code target}, replacing it, through a partial file next to it that is deleted if the
     * transfer fails; the copy must have the size the mailbox listed.
     */
    void download(String folder, String name, Path target);

    /**
     * Publishes {@code source} as {@code folder/name}: written under a temporary name of this attempt's own
     * ({@code name.<random>.part}), its remote size checked, then renamed, so that ESR never collects a partial
     * file. An existing {@code name} is never overwritten. Partial files earlier attempts left for this name are
     * removed first.
     *
     * @throws RemoteFileExistsException when {@code name} is already there
     */
    default void upload(Path source, String folder, String name) {
        upload(source, folder, name, () -> { });
    }

    /** As {@link #upload(Path, String, String)}, asking {@code beforeRename} just before the rename. */
    void upload(Path source, String folder, String name, RenameGuard beforeRename);

    /**
     * The first half of an upload whose caller records the temporary name before publishing (the exporter's ledger
     * does, so that recovery can tell a rename that never happened from a file ESR already collected): writes
     * {@code source} as {@code folder/temporaryName}, which must not exist yet, and checks its remote size. Nothing
     * is renamed; on failure what this call wrote is removed. Choose the name with {@link UploadParts#newName}.
     */
    void writeTemporary(Path source, String folder, String temporaryName);

    /**
     * The second half: renames {@code folder/temporaryName} to {@code folder/name}, asking {@code beforeRename} just
     * before. Never overwrites: the plain SFTP rename fails when {@code name} exists. The temporary file is left as
     * it is whatever happens (its caller decides when it is no longer needed).
     *
     * @throws RemoteFileExistsException when {@code name} is already there
     */
    void rename(String folder, String temporaryName, String name, RenameGuard beforeRename);

    /** Removes {@code folder/name} if it is there; quiet when it is not. */
    void remove(String folder, String name);

    /** Opens a session and lists {@code folder}: proves reachability, authentication and the pinned host key. */
    void probe(String folder);

    /**
     * Last check before a complete upload becomes visible to ESR, e.g. that this process still holds the export
     * lock. Throwing stops the rename; the temporary file is removed.
     */
    @FunctionalInterface
    interface RenameGuard {
        void check();
    }
}
