package health.patchwork.esr.support.golive;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.KexProposalOption;

import health.patchwork.esr.support.mailbox.MailboxSettings;

/**
 * Logs in to the mailbox with our key, the host key checked against known_hosts, and says which key matched, which
 * host-key types the server holds, and which of them known_hosts pins.
 */
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
            Handshake handshake = probe.withClient("connect", client -> Handshake.of(client.getClientSession()));
            return ReadinessCheck.pass(NAME, "logged in to " + probe.endpoint() + " as " + settings.username()
                    + " with our key; the server's host key " + handshake.hostKey() + " matched the one pinned in"
                    + " known_hosts; the server offers host-key algorithms " + handshake.serverAlgorithms()
                    + ", known_hosts pins " + probe.connector().handshakes().policy().pinnedKeyTypes()
                    + ", agreed " + handshake.agreed());
        } catch (MailboxProbe.ProbeFailure e) {
            return ReadinessCheck.fail(NAME, e.getMessage());
        }
    }

    private record Handshake(String hostKey, String serverAlgorithms, String agreed) {
        static Handshake of(ClientSession session) {
            return new Handshake(KeyUtils.getKeyType(session.getServerKey()) + " "
                    + SshKeys.fingerprint(session.getServerKey()),
                    session.getServerKexProposals().get(KexProposalOption.SERVERKEYS),
                    session.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS));
        }
    }
}
