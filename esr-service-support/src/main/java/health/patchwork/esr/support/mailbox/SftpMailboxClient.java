package health.patchwork.esr.support.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import health.patchwork.esr.support.files.PrivateFiles;
import health.patchwork.esr.support.logging.Redaction;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import org.springframework.integration.file.remote.session.Session;

/**
 * {@link MailboxClient} over SFTP (Apache MINA SSHD through Spring Integration's session factory). Each call is
 * watched: each answer must come within the read timeout, the whole call within its deadline (longer for bigger
 * transfers, see {@link MailboxSettings#transferDeadline}); a session that failed in any way is closed, never
 * pooled again. Outcomes go to the {@link MailboxActivity} that health reads.
 */
public class SftpMailboxClient implements MailboxClient {

    /** MINA's throughput suffers with small buffers; 64 KB keeps large GO files quick. */
    private static final int BUFFER_SIZE = 64 * 1024;
    static final String PART_SUFFIX = UploadParts.SUFFIX;

    private final MailboxConnector connector;
    private final MailboxSettings settings;
    private final MailboxActivity activity;
    private final Clock clock;

    public SftpMailboxClient(MailboxConnector connector, MailboxActivity activity, Clock clock) {
        this.connector = connector;
        this.settings = connector.settings();
        this.activity = activity;
        this.clock = clock;
    }

    public SftpMailboxClient(MailboxConnector connector) {
        this(connector, new MailboxActivity(Clock.systemUTC()), Clock.systemUTC());
    }

    @Override
    public List<RemoteFile> list(String folder) {
        return run("list " + folder, 0, client -> StreamSupport.stream(client.readDir(folder).spliterator(), false)
                .filter(entry -> entry.getAttributes().isRegularFile())
                .map(entry -> toRemoteFile(entry.getFilename(), entry.getAttributes()))
                .toList());
    }

    @Override
    public Optional<RemoteFile> stat(String folder, String name) {
        String remote = path(folder, name);
        return run("stat " + remote, 0, client -> stat(client, remote).map(attributes -> toRemoteFile(name, attributes)));
    }

    @Override
    public void download(String folder, String name, Path target) {
        String remote = path(folder, name);
        long expected = stat(folder, name).map(RemoteFile::size).orElseThrow(() -> new MailboxException(
                "download " + MailboxFailures.printable(remote) + " failed: the file is no longer in the mailbox"));
        Path partial = target.resolveSibling(target.getFileName() + PART_SUFFIX);
        try {
            run("download " + remote, expected, client -> {
                try (OutputStream out = PrivateFiles.newOutputStream(partial)) {
                    copy(client, client.read(remote, BUFFER_SIZE), out);
                }
                long actual = Files.size(partial);
                if (actual != expected) {
                    throw new MailboxException("download " + MailboxFailures.printable(remote) + " got " + actual
                            + " bytes where the mailbox listed " + expected + "; not keeping it");
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return null;
            });
        } finally {
            deleteQuietly(partial);
        }
    }

    @Override
    public void upload(Path source, String folder, String name, RenameGuard beforeRename) {
        String remote = path(folder, name);
        String partial = path(folder, UploadParts.newName(name));
        run("upload " + remote, size(source), client -> {
            if (stat(client, remote).isPresent()) {
                throw new RemoteFileExistsException(remote);
            }
            removeLeftoverPartials(client, folder, name);
            AtomicBoolean created = new AtomicBoolean();
            try {
                writeChecked(client, source, partial, created);
                check(beforeRename, remote);
                // The raw SFTP rename fails when the target exists, unlike Session.rename, which would replace it.
                client.rename(partial, remote);
            } catch (IOException | RuntimeException e) {
                if (created.get()) {
                    removeQuietly(client, partial);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void writeTemporary(Path source, String folder, String temporaryName) {
        String partial = path(folder, temporaryName);
        run("upload " + partial, size(source), client -> {
            AtomicBoolean created = new AtomicBoolean();
            try {
                writeChecked(client, source, partial, created);
            } catch (IOException | RuntimeException e) {
                // only what this call created: an existing file of that name is someone else's
                if (created.get()) {
                    removeQuietly(client, partial);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void rename(String folder, String temporaryName, String name, RenameGuard beforeRename) {
        String partial = path(folder, temporaryName);
        String remote = path(folder, name);
        run("rename " + partial + " to " + remote, 0, client -> {
            if (stat(client, remote).isPresent()) {
                throw new RemoteFileExistsException(remote);
            }
            check(beforeRename, remote);
            try {
                // The raw SFTP rename fails when the target exists, unlike Session.rename, which would replace it.
                client.rename(partial, remote);
            } catch (SftpException e) {
                if (stat(client, remote).isPresent() && stat(client, partial).isPresent()) {
                    throw new RemoteFileExistsException(remote);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void remove(String folder, String name) {
        String remote = path(folder, name);
        run("remove " + remote, 0, client -> {
            try {
                client.remove(remote);
            } catch (SftpException e) {
                if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Writes {@code source} to a new remote file (never an existing one) and checks the size the server reports;
     * {@code created} is set once the file is this call's.
     */
    private void writeChecked(SftpClient client, Path source, String partial, AtomicBoolean created)
            throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            OutputStream out = client.write(partial, BUFFER_SIZE, OpenMode.Write, OpenMode.Create,
                    OpenMode.Exclusive);
            created.set(true);
            copy(client, in, out);
        }
        long expected = Files.size(source);
        long actual = stat(client, partial).map(Attributes::getSize)
                .orElseThrow(() -> new MailboxException("uploaded file vanished before rename: " + partial));
        if (actual != expected) {
            throw new MailboxException("remote size " + actual + " differs from local size " + expected
                    + " for " + partial + "; not renaming");
        }
    }

    @Override
    public void probe(String folder) {
        list(folder);
    }

    /** Runs {@code call} on a pooled session under the watchdog, and records its outcome for health. */
    private <T> T run(String what, long bytes, ClientCall<T> call) {
        Instant started = clock.instant();
        Duration deadline = settings.timeout().plus(settings.transferDeadline(bytes));
        long id = activity.begin(what, deadline);
        AtomicReference<Session<DirEntry>> current = new AtomicReference<>();
        try (TransferWatchdog.Armed watch = TransferWatchdog.arm(deadline, () -> abandon(current.get()))) {
            try {
                T result = withSession(current, call);
                activity.succeeded(id, what);
                return result;
            } catch (IOException | RuntimeException e) {
                boolean expired = watch.expired();
                String message = expired
                        ? MailboxFailures.printable(what) + " abandoned: not finished within " + deadline
                        + " (esr.mailbox.timeout, plus read-timeout, plus " + bytes + " bytes at min-throughput "
                        + settings.minThroughput() + "/s); the connection stalled"
                        : e instanceof MailboxException ? e.getMessage()
                        : connector.failures().describe(what, started, e);
                activity.failed(id, what, message, !expired && answered(e));
                throw e instanceof MailboxException && !expired ? (MailboxException) e : new MailboxException(message, e);
            }
        }
    }

    private <T> T withSession(AtomicReference<Session<DirEntry>> current, ClientCall<T> call) throws IOException {
        Session<DirEntry> session = connector.sessions().getSession();
        current.set(session);
        try {
            return call.apply((SftpClient) session.getClientInstance());
        } catch (IOException | RuntimeException e) {
            // whatever failed, this session is not handed out again; if the connection itself failed, it is closed
            // at once: a graceful close would wait for a server that stopped answering
            session.dirty();
            if (!answered(e)) {
                abandon(session);
            }
            throw e;
        } finally {
            current.set(null);
            closeQuietly(session);
        }
    }

    /**
     * Copies one stream to the other and closes both. If the copy fails, the SSH session is closed before the
     * remote stream: that stream's close waits for the answers still outstanding, which a silent server never sends
     * (it would hold a stalled transfer for another read timeout, or until the keep-alives give up).
     */
    private void copy(SftpClient client, InputStream in, OutputStream out) throws IOException {
        try {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            client.getClientSession().close(true);
            closeQuietly(in);
            closeQuietly(out);
            throw e;
        }
        // closing the remote stream waits for every block still unconfirmed, one read timeout each: one in all
        TransferWatchdog.Armed closing = TransferWatchdog.arm(settings.readTimeout(),
                () -> client.getClientSession().close(true));
        try (closing; in; out) {
            // both closed here; the remote one confirms the last blocks written or read
        } catch (IOException | RuntimeException e) {
            if (closing.expired()) {
                throw (SocketTimeoutException) new SocketTimeoutException(
                        "no answer to the last blocks within the read timeout").initCause(e);
            }
            throw e;
        }
    }

    private static void closeQuietly(java.io.Closeable stream) {
        try {
            stream.close();
        } catch (IOException | RuntimeException ignored) {
            // the session is closed already; the failure that matters is the one being thrown
        }
    }

    /** The watchdog's move: closing the SSH session makes every wait on it fail at once. */
    private static void abandon(Session<DirEntry> session) {
        if (session == null) {
            return;
        }
        session.dirty();
        try {
            ((SftpClient) session.getClientInstance()).getClientSession().close(true);
        } catch (RuntimeException ignored) {
            // already closing
        }
    }

    /** The server answered (refused, not found, our own size or overwrite check): the connection itself works. */
    private static boolean answered(Throwable e) {
        return e instanceof MailboxException || MailboxFailures.find(e, SftpException.class) != null;
    }

    private static void check(RenameGuard guard, String remote) {
        try {
            guard.check();
        } catch (RuntimeException e) {
            throw new MailboxException("upload " + remote + " not renamed: " + Redaction.message(e), e);
        }
    }

    /** Partial files of earlier attempts at this name: ours, never collected by ESR, safe to remove. */
    private static void removeLeftoverPartials(SftpClient client, String folder, String name) throws IOException {
        for (DirEntry entry : client.readDir(folder)) {
            if (UploadParts.isAttemptAt(entry.getFilename(), name) && entry.getAttributes().isRegularFile()) {
                client.remove(path(folder, entry.getFilename()));
            }
        }
    }

    private static void removeQuietly(SftpClient client, String remote) {
        try {
            if (client.isOpen()) {
                client.remove(remote);
            }
        } catch (IOException | RuntimeException ignored) {
            // the next attempt at this name removes it
        }
    }

    private static Optional<Attributes> stat(SftpClient client, String remote) throws IOException {
        try {
            return Optional.of(client.stat(remote));
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void closeQuietly(Session<DirEntry> session) {
        try {
            session.close();
        } catch (RuntimeException ignored) {
            // a dirty session is discarded; a failure to close it changes nothing
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // swept with the other orphaned partials
        }
    }

    private static long size(Path source) {
        try {
            return Files.size(source);
        } catch (IOException e) {
            throw new MailboxException("cannot read the local file to upload: " + source.getFileName(), e);
        }
    }

    private static RemoteFile toRemoteFile(String name, Attributes attributes) {
        return new RemoteFile(name, attributes.getSize(),
                attributes.getModifyTime() == null ? null : attributes.getModifyTime().toInstant());
    }

    static String path(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    @FunctionalInterface
    private interface ClientCall<T> {
        T apply(SftpClient client) throws IOException;
    }
}
