package health.patchwork.esr.support.mailbox;

import java.util.Collection;

import org.apache.sshd.common.kex.extension.DefaultClientKexExtensionHandler;
import org.apache.sshd.common.session.Session;

/**
 * Lets an RSA client key fall back from rsa-sha2-512 to rsa-sha2-256 when the server refuses the first. OpenSSH
 * announces in {@code server-sig-algs} every algorithm it knows, also those its {@code PubkeyAcceptedAlgorithms}
 * then refuses; MINA takes the announcement as the truth and never tries the next algorithm, so the login fails as
 * if ESR had not registered our key. The announced algorithms still come first; only the "never try others" goes.
 */
final class SignatureFallback extends DefaultClientKexExtensionHandler {

    @Override
    protected void handleServerSignatureAlgorithms(Session session, Collection<String> serverAlgorithms) {
        super.handleServerSignatureAlgorithms(session, serverAlgorithms);
        session.removeAttribute(SERVER_ALGORITHMS);
    }
}
