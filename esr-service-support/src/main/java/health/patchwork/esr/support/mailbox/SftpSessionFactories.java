package health.patchwork.esr.support.mailbox;

import org.apache.sshd.sftp.client.SftpClient.DirEntry;

import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.file.remote.session.CachingSessionFactory;
import org.springframework.integration.file.remote.session.SessionFactory;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;

/** Builds SFTP session factories that only ever talk to a server whose host key is pinned in known_hosts. */
public final class SftpSessionFactories {

    private SftpSessionFactories() {
    }

    /** Pooled sessions for transfers; a pooled session is tested before use, and new ones verify the host key. */
    public static SessionFactory<DirEntry> pinnedHostKey(MailboxSettings settings) {
        CachingSessionFactory<DirEntry> caching = new CachingSessionFactory<>(pinnedHostKeyUncached(settings), 4);
        // a pooled session may have been closed by the server while idle: test it before handing it out
        caching.setTestSession(true);
        return caching;
    }

    /** A new SSH connection, and so a new host-key check, for every session: what health probes need. */
    public static DefaultSftpSessionFactory pinnedHostKeyUncached(MailboxSettings settings) {
        DefaultSftpSessionFactory factory = new DefaultSftpSessionFactory(false);
        factory.setHost(settings.host());
        factory.setPort(settings.port());
        factory.setUser(settings.username());
        factory.setPrivateKey(new FileSystemResource(settings.privateKey()));
        if (settings.privateKeyPassphrase() != null && !settings.privateKeyPassphrase().isEmpty()) {
            factory.setPrivateKeyPassphrase(settings.privateKeyPassphrase());
        }
        factory.setKnownHostsResource(new FileSystemResource(settings.knownHosts()));
        factory.setAllowUnknownKeys(false);
        factory.setTimeout(Math.toIntExact(settings.timeout().toMillis()));
        return factory;
    }
}
