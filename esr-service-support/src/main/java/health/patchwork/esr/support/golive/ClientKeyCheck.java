package health.patchwork.esr.support.golive;

import java.io.IOException;
import java.security.GeneralSecurityException;

import health.patchwork.esr.support.logging.Redaction;
import health.patchwork.esr.support.mailbox.MailboxSettings;

/** Our private key can be read (with its passphrase); reports the public half ESR must have registered. */
class ClientKeyCheck implements GoLiveCheck {

    static final String NAME = "our mailbox key";

    private final MailboxSettings settings;

    ClientKeyCheck(MailboxSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReadinessCheck run() {
        try {
            SshKeys.ClientKey key = SshKeys.clientKey(settings.privateKey(), settings.privateKeyPassphrase());
            return ReadinessCheck.pass(NAME, "public key " + key.fingerprint() + " for mailbox user "
                    + settings.username() + " (" + key.openSshPublicKey() + ")");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // the exception's message could quote key material: classes only
            return ReadinessCheck.fail(NAME, "esr.mailbox.private-key could not be read (wrong file or passphrase?): "
                    + Redaction.describe(e));
        }
    }
}
