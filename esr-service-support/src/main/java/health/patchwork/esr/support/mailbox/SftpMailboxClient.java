package health.patchwork.esr.support.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import org.springframework.integration.file.remote.session.Session;
import org.springframework.integration.file.remote.session.SessionFactory;

/** {@link MailboxClient} over SFTP (Apache MINA SSHD through Spring Integration's session factory). */
public class SftpMailboxClient implements MailboxClient {

    /** MINA's throughput suffers with small buffers; 64 KB keeps large GO files quick. */
    private static final int BUFFER_SIZE = 64 * 1024;
    static final String PART_SUFFIX = ".part";

    private final SessionFactory<DirEntry> sessions;
    private final String endpoint;

    public SftpMailboxClient(SessionFactory<DirEntry> sessions, String endpoint) {
        this.sessions = sessions;
        this.endpoint = endpoint;
    }

    @Override
    public List<RemoteFile> list(String folder) {
        return call("list " + folder, () -> withClient(client -> StreamSupport.stream(client.readDir(folder).spliterator(), false)
                .filter(entry -> entry.getAttributes().isRegularFile())
                .map(entry -> toRemoteFile(entry.getFilename(), entry.getAttributes()))
                .toList()));
    }

    @Override
    public Optional<RemoteFile> stat(String folder, String name) {
        return call("stat " + path(folder, name), () -> withClient(client -> stat(client, path(folder, name))
                .map(attributes -> toRemoteFile(name, attributes))));
    }

    @Override
    public void download(String folder, String name, Path target) {
        String remote = path(folder, name);
        call("download " + remote, () -> withClient(client -> {
            Path partial = target.resolveSibling(target.getFileName() + PART_SUFFIX);
            try (InputStream in = client.read(remote, BUFFER_SIZE);
                 OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        }));
    }

    @Override
    public void upload(Path source, String folder, String name) {
        String remote = path(folder, name);
        String partial = remote + PART_SUFFIX;
        call("upload " + remote, () -> withClient(client -> {
            if (stat(client, remote).isPresent()) {
                throw new RemoteFileExistsException(remote);
            }
            // A .part left by an interrupted attempt is ours and never collected by ESR: truncate and rewrite it.
            try (InputStream in = Files.newInputStream(source);
                 OutputStream out = client.write(partial, BUFFER_SIZE, OpenMode.Write, OpenMode.Create,
                         OpenMode.Truncate)) {
                in.transferTo(out);
            }
            long expected = Files.size(source);
            long actual = stat(client, partial).map(Attributes::getSize)
                    .orElseThrow(() -> new MailboxException("uploaded file vanished before rename: " + partial));
            if (actual != expected) {
                throw new MailboxException("remote size " + actual + " differs from local size " + expected
                        + " for " + partial + "; not renaming");
            }
            // The raw SFTP rename fails when the target exists, unlike Session.rename, which would replace it.
            client.rename(partial, remote);
            return null;
        }));
    }

    @Override
    public void probe(String folder) {
        list(folder);
    }

    private <T> T withClient(ClientCall<T> call) throws IOException {
        try (Session<DirEntry> session = sessions.getSession()) {
            return call.apply((SftpClient) session.getClientInstance());
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

    private <T> T call(String what, IoCall<T> call) {
        try {
            return call.get();
        } catch (MailboxException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MailboxException(MailboxFailures.describe(what, endpoint, e), e);
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

    @FunctionalInterface
    private interface IoCall<T> {
        T get() throws IOException;
    }
}
