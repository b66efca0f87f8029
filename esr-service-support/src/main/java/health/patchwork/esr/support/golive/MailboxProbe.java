package health.patchwork.esr.support.golive;

import java.io.IOException;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;

import org.springframework.integration.file.remote.session.Session;
import org.springframework.integration.file.remote.session.SessionFactory;

import health.patchwork.esr.support.mailbox.MailboxFailures;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.mailbox.SftpSessionFactories;

/**
 * A fresh SSH connection per check, never a pooled one: a pooled session would hide a host key or a login that
 * stopped working since it connected.
 */
public class MailboxProbe {

    private final SessionFactory<DirEntry> sessions;
    private final String endpoint;

    public MailboxProbe(MailboxSettings settings) {
        this(SftpSessionFactories.pinnedHostKeyUncached(settings), settings.host() + ":" + settings.port());
    }

    MailboxProbe(SessionFactory<DirEntry> sessions, String endpoint) {
        this.sessions = sessions;
        this.endpoint = endpoint;
    }

    /** Runs {@code call} on a new session; a failure becomes a {@link ProbeFailure} with an operator's reason. */
    <T> T withClient(String what, ClientCall<T> call) {
        try (Session<DirEntry> session = sessions.getSession()) {
            return call.apply((SftpClient) session.getClientInstance());
        } catch (IOException | RuntimeException e) {
            throw new ProbeFailure(MailboxFailures.describe(what, endpoint, e));
        }
    }

    String endpoint() {
        return endpoint;
    }

    @FunctionalInterface
    interface ClientCall<T> {
        T apply(SftpClient client) throws IOException;
    }

    /** A failed probe, with a message fit for the check's detail (no stack traces, no secrets). */
    static final class ProbeFailure extends RuntimeException {
        ProbeFailure(String message) {
            super(message, null, false, false);
        }
    }
}
