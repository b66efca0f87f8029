package health.patchwork.esr.support.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host-key algorithms we offer start with the type known_hosts pins, whatever the configured order. */
class HostKeyPolicyTest {

    @TempDir
    Path dir;

    private HostKeyPolicy policyPinning(String knownHostsLine) throws IOException {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), knownHostsLine + "\n");
        Path key = Files.writeString(dir.resolve("key"), "unused");
        return new HostKeyPolicy(new MailboxSettings("mailbox.example.nhs.uk", 22, "trust123", key, null, knownHosts,
                "/out", "/in", Duration.ofSeconds(5)));
    }

    @Test
    void anRsaPinOffersTheSha2RsaAlgorithmsFirstAndNeverSha1() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        HostKeyPolicy policy = policyPinning("mailbox.example.nhs.uk "
                + PublicKeyEntry.toString(rsa.generateKeyPair().getPublic()));

        assertThat(policy.pinnedKeyTypes()).containsExactly("ssh-rsa");
        assertThat(policy.proposal()).startsWith("rsa-sha2-512", "rsa-sha2-256").doesNotContain("ssh-rsa")
                .contains("ssh-ed25519", "ecdsa-sha2-nistp256");
    }

    @Test
    void anEd25519PinOffersEd25519First() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA);
        generator.initialize(256);
        var ed25519 = generator.generateKeyPair();
        HostKeyPolicy policy = policyPinning("[mailbox.example.nhs.uk]:22 " + PublicKeyEntry.toString(ed25519.getPublic()));

        assertThat(policy.pinnedKeyTypes()).containsExactly(KeyPairProvider.SSH_ED25519);
        assertThat(policy.proposal().get(0)).isEqualTo("ssh-ed25519");
    }

    @Test
    void anEcdsaPinComesBeforeTheDefaultFirstEd25519() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(384);
        HostKeyPolicy policy = policyPinning("mailbox.example.nhs.uk " + PublicKeyEntry.toString(ec.generateKeyPair().getPublic()));

        assertThat(policy.proposal()).startsWith("ecdsa-sha2-nistp384", "ssh-ed25519");
    }

    @Test
    void anotherHostsPinChangesNothing() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(384);
        HostKeyPolicy policy = policyPinning("[mailbox.example.nhs.uk]:2222 "
                + PublicKeyEntry.toString(ec.generateKeyPair().getPublic()));

        assertThat(policy.pinnedKeyTypes()).isEmpty();
        assertThat(policy.proposal()).startsWith("ssh-ed25519", "ecdsa-sha2-nistp256");
    }
}
