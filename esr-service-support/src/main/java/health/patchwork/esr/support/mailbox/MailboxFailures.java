package health.patchwork.esr.support.mailbox;

import java.util.Locale;

/** Says in an operator's words why a mailbox call failed, from the exception chain MINA and Spring give us. */
public final class MailboxFailures {

    private MailboxFailures() {
    }

    public static String describe(String what, String endpoint, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("server key did not validate") || message.contains("host key")) {
                return what + " refused: the host key of " + endpoint
                        + " is not the one pinned in known_hosts (changed key, or a different server)";
            }
            if (message.contains("no more authentication methods") || message.contains("auth")) {
                return what + " refused: authentication to " + endpoint + " failed (check user and private key)";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return what + " failed on " + endpoint + ": " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
