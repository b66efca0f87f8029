package health.patchwork.esr.support.mailbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;

/**
 * Which host-key algorithms we offer the mailbox, in which order: the type of the key known_hosts pins comes first,
 * so a server holding several host keys (OpenSSH has ed25519, ECDSA and RSA by default) presents the pinned one
 * instead of one we would then refuse as "changed".
 */
public final class HostKeyPolicy {

    private final List<String> accepted;
    private final Path knownHosts;
    private final String host;
    private final int port;

    HostKeyPolicy(MailboxSettings settings) {
        this.knownHosts = settings.knownHosts();
        this.host = settings.host();
        this.port = settings.port();
        List<String> unknown = new ArrayList<>();
        List<String> usable = new ArrayList<>();
        for (String name : settings.hostKeyAlgorithms()) {
            BuiltinSignatures signature = BuiltinSignatures.fromFactoryName(name);
            if (signature == null || !signature.isSupported()) {
                unknown.add(name);
            } else {
                usable.add(signature.getName());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("esr.mailbox.host-key-algorithms names algorithms this client does not"
                    + " support: " + unknown + "; supported: " + supportedNames());
        }
        this.accepted = List.copyOf(usable);
    }

    /** The algorithms we accept, those matching a pinned key first, each group in the configured order. */
    public List<String> proposal() {
        Set<String> pinnedAlgorithms = new LinkedHashSet<>();
        for (String type : pinnedKeyTypes()) {
            pinnedAlgorithms.addAll(algorithmsFor(type));
        }
        List<String> ordered = new ArrayList<>();
        accepted.stream().filter(pinnedAlgorithms::contains).forEach(ordered::add);
        accepted.stream().filter(name -> !pinnedAlgorithms.contains(name)).forEach(ordered::add);
        return ordered;
    }

    public List<String> accepted() {
        return accepted;
    }

    /** Key types known_hosts pins for the mailbox ({@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}). */
    public List<String> pinnedKeyTypes() {
        List<String> types = new ArrayList<>();
        for (PinnedKey key : pinnedKeys()) {
            if (!types.contains(key.type())) {
                types.add(key.type());
            }
        }
        return types;
    }

    /** The keys known_hosts pins for the mailbox's host and port; empty when it has none or cannot be read. */
    public List<PinnedKey> pinnedKeys() {
        if (!Files.isReadable(knownHosts)) {
            return List.of();
        }
        List<PinnedKey> keys = new ArrayList<>();
        try {
            for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(knownHosts)) {
                // "@revoked" entries name keys that must never be accepted: they pin nothing
                if (entry.getMarker() == null && entry.isHostMatch(host, port) && entry.getKeyEntry() != null) {
                    PublicKey key = entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                    if (key != null) {
                        keys.add(new PinnedKey(KeyUtils.getKeyType(key), KeyUtils.getFingerPrint(key)));
                    }
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return List.of();
        }
        return keys;
    }

    /** A host key pinned in known_hosts: its type and OpenSSH SHA256 fingerprint. */
    public record PinnedKey(String type, String fingerprint) {
        @Override
        public String toString() {
            return type + " " + fingerprint;
        }
    }

    /** RSA keys sign with SHA-2 (rsa-sha2-512/256) or, if a Trust allows it, SHA-1 ssh-rsa; others by their type. */
    static List<String> algorithmsFor(String keyType) {
        if (KeyPairProvider.SSH_RSA.equals(keyType)) {
            return List.of(BuiltinSignatures.rsaSHA512.getName(), BuiltinSignatures.rsaSHA256.getName(),
                    BuiltinSignatures.rsa.getName());
        }
        return List.of(keyType);
    }

    static List<String> supportedNames() {
        return BuiltinSignatures.VALUES.stream().filter(BuiltinSignatures::isSupported)
                .map(BuiltinSignatures::getName).sorted().toList();
    }
}
