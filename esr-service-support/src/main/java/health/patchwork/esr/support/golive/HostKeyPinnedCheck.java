package health.patchwork.esr.support.golive;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;

import health.patchwork.esr.support.logging.Redaction;
import health.patchwork.esr.support.mailbox.MailboxSettings;

/**
 * The known_hosts file has an entry for the mailbox's host and port. Without one every connection is refused:
 * there is no setting that trusts an unknown key.
 */
class HostKeyPinnedCheck implements GoLiveCheck {

    static final String NAME = "host key pinned";

    private final MailboxSettings settings;

    HostKeyPinnedCheck(MailboxSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReadinessCheck run() {
        String hostPort = "[" + settings.host() + "]:" + settings.port();
        try {
            List<String> pinned = SshKeys.pinnedFingerprints(settings.knownHosts(), settings.host(), settings.port());
            if (pinned.isEmpty()) {
                return ReadinessCheck.fail(NAME, "esr.mailbox.known-hosts has no entry for " + hostPort
                        + ": get the mailbox's host key from ESR, check its fingerprint with them and add it");
            }
            return ReadinessCheck.pass(NAME, "known_hosts pins " + String.join(", ", pinned) + " for " + hostPort
                    + "; confirm the fingerprint with ESR");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return ReadinessCheck.fail(NAME, "esr.mailbox.known-hosts could not be read: "
                    + Redaction.describe(e));
        }
    }
}
