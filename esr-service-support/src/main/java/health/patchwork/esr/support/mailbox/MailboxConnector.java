package health.patchwork.esr.support.mailbox;

import java.time.Clock;

import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.file.remote.session.CachingSessionFactory;
import org.springframework.integration.file.remote.session.SessionFactory;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;

/**
 * SSH sessions to the Trust's mailbox, only ever to a server whose host key is pinned in known_hosts, with every
 * wait bounded: connecting and logging in by {@code timeout}, each answer by {@code read-timeout}, a dead peer by
 * unanswered keep-alives, a free pooled session by {@code session-wait}.
 */
public final class MailboxConnector implements DisposableBean {

    static final int POOL_SIZE = 4;
    /** OpenSSH answers this global request (with a failure, which is an answer); MINA servers do too. */
    static final String KEEP_ALIVE_REQUEST = "keepalive@openssh.com";

    private final MailboxSettings settings;
    private final Handshakes handshakes;
    private final MailboxFailures failures;
    private final DefaultSftpSessionFactory connections;
    private final SessionFactory<DirEntry> sessions;

    private MailboxConnector(MailboxSettings settings, boolean pooled, Clock clock) {
        this.settings = settings;
        this.handshakes = new Handshakes(new HostKeyPolicy(settings), clock);
        this.failures = new MailboxFailures(settings, handshakes);
        this.connections = connections(settings, handshakes);
        if (pooled) {
            CachingSessionFactory<DirEntry> caching = new CachingSessionFactory<>(connections, POOL_SIZE);
            // a pooled session may have died while idle: test it (bounded by the read timeout) before handing it out
            caching.setTestSession(true);
            caching.setSessionWaitTimeout(settings.sessionWait().toMillis());
            this.sessions = caching;
        } else {
            this.sessions = connections;
        }
    }

    /** Pooled sessions for the service's transfers. */
    public static MailboxConnector pooled(MailboxSettings settings) {
        return new MailboxConnector(settings, true, Clock.systemUTC());
    }

    /** A new connection, and so a new host-key check, for every session: what probes and go-live checks need. */
    public static MailboxConnector fresh(MailboxSettings settings) {
        return new MailboxConnector(settings, false, Clock.systemUTC());
    }

    public SessionFactory<DirEntry> sessions() {
        return sessions;
    }

    public MailboxFailures failures() {
        return failures;
    }

    public Handshakes handshakes() {
        return handshakes;
    }

    public MailboxSettings settings() {
        return settings;
    }

    @Override
    public void destroy() {
        if (sessions instanceof CachingSessionFactory<DirEntry> caching) {
            caching.destroy();
        }
        connections.destroy();
    }

    private static DefaultSftpSessionFactory connections(MailboxSettings settings, Handshakes handshakes) {
        DefaultSftpSessionFactory factory = new DefaultSftpSessionFactory(false);
        factory.setHost(settings.host());
        factory.setPort(settings.port());
        factory.setUser(settings.username());
        factory.setPrivateKey(new FileSystemResource(settings.privateKey()));
        if (settings.privateKeyPassphrase() != null && !settings.privateKeyPassphrase().isEmpty()) {
            factory.setPrivateKeyPassphrase(settings.privateKeyPassphrase());
        }
        factory.setAllowUnknownKeys(false);
        factory.setTimeout(Math.toIntExact(settings.timeout().toMillis()));
        factory.setSshClientConfigurer(client -> {
            // MINA waits this long for each SFTP answer (its default, 10 minutes, is what hung a poll on a frozen server)
            CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.readTimeout());
            CoreModuleProperties.WAIT_FOR_SPACE_TIMEOUT.set(client, settings.readTimeout());
            // a little longer than the login's own wait, so a stalled login fails with that wait's clear timeout
            CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.timeout().plusSeconds(5));
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.keepAliveInterval());
            CoreModuleProperties.HEARTBEAT_REQUEST.set(client, KEEP_ALIVE_REQUEST);
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, settings.keepAliveMaxMissed());
            client.setKexExtensionHandler(new SignatureFallback());
            client.setServerKeyVerifier(handshakes.verifier(settings));
            client.addSessionListener(handshakes);
        });
        return factory;
    }
}
