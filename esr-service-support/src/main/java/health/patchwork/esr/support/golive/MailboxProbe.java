package health.patchwork.esr.support.golive;

import java.io.IOException;
import java.time.Instant;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;

import org.springframework.integration.file.remote.session.Session;

import health.patchwork.esr.support.mailbox.MailboxConnector;

/**
 * A fresh SSH connection per check, never a pooled one: a pooled session would hide a host key or a login that
 * stopped working since it connected.
 */
public class MailboxProbe {

    private final MailboxConnector connector;

    public MailboxProbe(MailboxConnector connector) {
        this.connector = connector;
    }

    /** Runs {@code call} on a new session; a failure becomes a {@link ProbeFailure} with an operator's reason. */
    <T> T withClient(String what, ClientCall<T> call) {
        Instant started = Instant.now();
        try (Session<DirEntry> session = connector.sessions().getSession()) {
            return call.apply((SftpClient) session.getClientInstance());
        } catch (IOException | RuntimeException e) {
            throw new ProbeFailure(connector.failures().describe(what, started, e));
        }
    }

    String endpoint() {
        return connector.settings().endpoint();
    }

    MailboxConnector connector() {
        return connector;
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
