package health.patchwork.esr.support.golive;

import java.security.PublicKey;

import health.patchwork.esr.support.mailbox.MailboxSettings;

/** Logs in to the mailbox with our key, the host key checked against known_hosts, and says which key matched. */
class MailboxConnectionCheck implements GoLiveCheck {

    static final String NAME = "mailbox connection";

    private final MailboxProbe probe;
    private final MailboxSettings settings;

    MailboxConnectionCheck(MailboxProbe probe, MailboxSettings settings) {
        this.probe = probe;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReadinessCheck run() {
        try {
            PublicKey hostKey = probe.withClient("connect", client -> client.getClientSession().getServerKey());
            return ReadinessCheck.pass(NAME, "logged in to " + probe.endpoint() + " as " + settings.username()
                    + " with our key; the server's host key " + SshKeys.fingerprint(hostKey)
                    + " matched the one pinned in known_hosts");
        } catch (MailboxProbe.ProbeFailure e) {
            return ReadinessCheck.fail(NAME, e.getMessage());
        }
    }
}
