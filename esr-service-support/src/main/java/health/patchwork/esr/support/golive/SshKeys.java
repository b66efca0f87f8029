package health.patchwork.esr.support.golive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.security.SecurityUtils;

/** Public facts about the SSH keys in the mailbox settings: fingerprints in OpenSSH's SHA256 form. */
final class SshKeys {

    private SshKeys() {
    }

    /** The public half of our private key, which is what ESR registers for the Trust's mailbox account. */
    record ClientKey(String fingerprint, String openSshPublicKey) {
    }

    static ClientKey clientKey(Path privateKey, String passphrase) throws IOException, GeneralSecurityException {
        FilePasswordProvider password = passphrase == null || passphrase.isEmpty()
                ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
        try (InputStream in = Files.newInputStream(privateKey)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null,
                    NamedResource.ofName(privateKey.getFileName().toString()), in, password);
            Iterator<KeyPair> first = pairs == null ? null : pairs.iterator();
            if (first == null || !first.hasNext()) {
                throw new GeneralSecurityException("no key in " + privateKey.getFileName());
            }
            PublicKey key = first.next().getPublic();
            return new ClientKey(fingerprint(key), PublicKeyEntry.toString(key));
        }
    }

    /** Fingerprints of the keys known_hosts pins for {@code host:port}; empty when there is none. */
    static List<String> pinnedFingerprints(Path knownHosts, String host, int port)
            throws IOException, GeneralSecurityException {
        List<String> fingerprints = new ArrayList<>();
        for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(knownHosts)) {
            // "@revoked" entries name keys that must never be accepted: they pin nothing
            if (entry.getMarker() == null && entry.isHostMatch(host, port)) {
                PublicKey key = entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (key != null) {
                    fingerprints.add(KeyUtils.getKeyType(key) + " " + fingerprint(key));
                }
            }
        }
        return fingerprints;
    }

    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }
}
