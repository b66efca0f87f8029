package health.patchwork.esr.support.mailbox;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;

import health.patchwork.esr.support.logging.Redaction;

import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Says in an operator's words why a mailbox call failed, from the exception chain MINA and Spring give us and from
 * what the {@link Handshakes} saw: no host-key algorithm in common is not a changed key, and a changed key names
 * the fingerprint found against the one pinned.
 */
public final class MailboxFailures {

    /** Longest server message or remote path kept in a reason: they are one line, so more is noise or an attack. */
    private static final int MAX_SERVER_TEXT = 500;

    private final MailboxSettings settings;
    private final Handshakes handshakes;

    MailboxFailures(MailboxSettings settings, Handshakes handshakes) {
        this.settings = settings;
        this.handshakes = handshakes;
    }

    /** What went wrong with {@code what}, begun at {@code since} (older handshake records are not this call's). */
    public String describe(String what, Instant since, Throwable failure) {
        String action = printable(what);
        String endpoint = settings.endpoint();
        Handshakes.Refusal refusal = handshakes.lastRefusal();
        if (refusal != null && !refusal.at().isBefore(since) && chainMentions(failure, "server key did not validate")) {
            return refusal.unknownHost() || refusal.pinned().isEmpty()
                    ? action + " refused: known_hosts (esr.mailbox.known-hosts) pins no key for " + endpoint
                            + "; the server presented " + refusal.presentedType() + " " + refusal.presentedFingerprint()
                            + ". Confirm that fingerprint with ESR before adding it"
                    : action + " refused: the host key of " + endpoint + " has changed: the server presented "
                            + refusal.presentedType() + " " + refusal.presentedFingerprint() + " but known_hosts pins "
                            + refusal.pinned() + " (a rebuilt or a different server). Confirm the new fingerprint"
                            + " with ESR before changing known_hosts";
        }
        String negotiation = negotiationFailure(failure, since);
        if (negotiation != null) {
            return action + " refused: " + negotiation;
        }
        if (chainMentions(failure, "timed out while waiting to acquire a pool entry")) {
            return action + " failed: no mailbox session became free within esr.mailbox.session-wait ("
                    + settings.sessionWait() + "); every pooled session is busy (a transfer may be stalled)";
        }
        if (chainMentions(failure, "cannot load private key") || find(failure, NoSuchAlgorithmException.class) != null) {
            return action + " failed: our private key (esr.mailbox.private-key) could not be used: " + rootMessage(failure)
                    + "; ed25519, ECDSA and RSA keys in OpenSSH or PEM format work";
        }
        if (chainMentions(failure, "no more authentication methods")) {
            return action + " refused: " + endpoint + " did not accept our key for user " + settings.username()
                    + " (check esr.mailbox.username, and that ESR registered our public key)";
        }
        SftpException sftp = find(failure, SftpException.class);
        if (sftp != null) {
            return action + " failed on " + endpoint + ": the server answered "
                    + SftpConstants.getStatusName(sftp.getStatus()) + (sftp.getMessage() == null ? ""
                    : " (" + printable(sftp.getMessage()) + ")");
        }
        Handshakes.Dropped dropped = handshakes.lastDropped();
        if (dropped != null && !dropped.at().isBefore(since) && dropped.reason().contains("heartbeat")) {
            return action + " abandoned: " + endpoint + " answered none of " + settings.keepAliveMaxMissed()
                    + " keep-alives sent every " + settings.keepAliveInterval() + "; the connection stalled";
        }
        if ((dropped != null && !dropped.at().isBefore(since) && dropped.reason().contains("AuthTimeout"))
                || chainMentions(failure, "within specified timeout")) {
            return action + " abandoned: connecting and logging in to " + endpoint + " took longer than"
                    + " esr.mailbox.timeout (" + settings.timeout() + "); the server stalled or is unreachable";
        }
        if (find(failure, SocketTimeoutException.class) != null || chainMentions(failure, "timeout expired")) {
            return action + " abandoned: " + endpoint + " sent no answer within esr.mailbox.read-timeout ("
                    + settings.readTimeout() + "); the connection stalled";
        }
        if (find(failure, UnknownHostException.class) != null) {
            return action + " failed: the mailbox host " + settings.host() + " is not known to DNS";
        }
        if (find(failure, ConnectException.class) != null) {
            return action + " failed: " + endpoint + " refused or did not take the connection within"
                    + " esr.mailbox.timeout (" + settings.timeout() + ")";
        }
        Throwable root = root(failure);
        return action + " failed on " + endpoint + ": " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + printable(root.getMessage()));
    }

    private String negotiationFailure(Throwable failure, Instant since) {
        Handshakes.Negotiation last = handshakes.lastNegotiation();
        String failed = last != null && last.failure() != null && !last.at().isBefore(since) ? last.failure() : null;
        SshException ssh = find(failure, SshException.class);
        String message = failed != null ? failed
                : ssh != null && String.valueOf(ssh.getMessage()).startsWith("Unable to negotiate") ? ssh.getMessage()
                : null;
        if (message == null || !message.startsWith("Unable to negotiate")) {
            return null;
        }
        if (message.contains("server host key algorithms")) {
            String server = last != null && last.serverHostKeyAlgorithms() != null ? last.serverHostKeyAlgorithms()
                    : between(message, "server: ", ")");
            return "no host-key algorithm in common with " + settings.endpoint() + ": we accept "
                    + String.join(",", handshakes.policy().proposal()) + " (esr.mailbox.host-key-algorithms), the server"
                    + " offers " + server + "; known_hosts pins " + handshakes.policy().pinnedKeyTypes()
                    + ". The server's key was never compared, so nothing points to a different server: ask ESR for the"
                    + " fingerprint of a key of a type we accept";
        }
        return "no common SSH algorithm with " + settings.endpoint() + ": " + printable(message);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            return "?";
        }
        int to = text.indexOf(end, from + start.length());
        return text.substring(from + start.length(), to < 0 ? text.length() : to);
    }

    static boolean chainMentions(Throwable failure, String lowerCaseText) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains(lowerCaseText)) {
                return true;
            }
        }
        return false;
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = root(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : printable(root.getMessage());
    }

    /** Remote names and server messages are not ours: no control characters (a CR/LF could forge a log line). */
    static String printable(String text) {
        return Redaction.printable(text, MAX_SERVER_TEXT);
    }
}
