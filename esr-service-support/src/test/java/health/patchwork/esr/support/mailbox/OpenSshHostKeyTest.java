package health.patchwork.esr.support.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import health.patchwork.esr.testsupport.sftp.OpenSshServer;
import health.patchwork.esr.testsupport.sftp.OpenSshServer.ClientKeyType;
import health.patchwork.esr.testsupport.sftp.OpenSshServer.HostKeyType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Host-key checking of the production client against a real OpenSSH {@code sshd}: each host key type a mailbox may
 * have is accepted when pinned, a changed key is refused naming both fingerprints, and a server that offers only an
 * algorithm we refuse (SHA-1 {@code ssh-rsa}, DSA) is refused as such, not mistaken for a changed key.
 */
class OpenSshHostKeyTest {

    @TempDir
    Path local;

    /** Per test, not in {@code @BeforeAll}: Surefire counts each as skipped, with the reason, instead of none run. */
    @BeforeEach
    void needsOpenSsh() {
        assumeTrue(OpenSshServer.available(), OpenSshServer::unavailableReason);
    }

    private static ProductionMailbox mailbox(OpenSshServer server, ClientKeyType key) {
        return ProductionMailbox.of(server.host(), server.port(), server.username(), server.clientPrivateKey(key),
                server.knownHosts());
    }

    @ParameterizedTest(name = "{0} host key")
    @EnumSource(value = HostKeyType.class, names = {"ECDSA", "RSA"})
    void aPinnedHostKeyIsAccepted(HostKeyType type) throws IOException {
        try (OpenSshServer server = OpenSshServer.start(type)) {
            assertThat(Files.readString(server.knownHosts()))
                    .startsWith("[127.0.0.1]:" + server.port() + " " + server.hostPublicKey().split(" ")[0] + " ");
            Files.writeString(server.outDir().resolve("GO_123_RST_GOC_20261101_00000002.DAT"), "HDR");

            mailbox(server, ClientKeyType.ECDSA).run(context ->
                    assertThat(ProductionMailbox.client(context).list("/out")).extracting(RemoteFile::name)
                            .containsExactly("GO_123_RST_GOC_20261101_00000002.DAT"));
        }
    }

    @Test
    void aChangedHostKeyIsRefusedNamingThePresentedAndThePinnedFingerprint() throws IOException {
        try (OpenSshServer server = OpenSshServer.start()) {
            Path file = Files.writeString(local.resolve("TA.DAT"), "content");
            mailbox(server, ClientKeyType.ED25519).run(context -> {
                MailboxClient mailbox = ProductionMailbox.client(context);
                mailbox.probe("/in");
                String pinned = server.hostKeyFingerprint();

                server.changeHostKey();

                String presented = server.hostKeyFingerprint();
                assertThat(presented).isNotEqualTo(pinned);
                assertThatThrownBy(() -> mailbox.probe("/in"))
                        .isInstanceOf(MailboxException.class)
                        .satisfies(e -> assertThat(e.getMessage())
                                .containsIgnoringCase("changed")
                                .contains(presented)
                                .contains(pinned));
                assertThatThrownBy(() -> mailbox.upload(file, "/in", "TA_123_PWH_MN2708_00000003.DAT"))
                        .isInstanceOf(MailboxException.class)
                        .hasMessageContaining(presented);
            });
            assertThat(server.inDir().resolve("TA_123_PWH_MN2708_00000003.DAT")).doesNotExist();
            assertThat(server.inDir().resolve("TA_123_PWH_MN2708_00000003.DAT.part")).doesNotExist();
        }
    }

    /** The pinned key is ed25519; the server now has only an ECDSA key: a different key, so a changed one. */
    @Test
    void aHostKeyOfAnotherTypeInPlaceOfThePinnedOneIsRefusedAsChanged() {
        try (OpenSshServer server = OpenSshServer.start()) {
            String pinned = server.hostKeyFingerprint();
            server.changeHostKey(HostKeyType.ECDSA);
            String presented = server.hostKeyFingerprint();

            mailbox(server, ClientKeyType.ED25519).run(context ->
                    assertThatThrownBy(() -> ProductionMailbox.client(context).probe("/out"))
                            .isInstanceOf(MailboxException.class)
                            .satisfies(e -> assertThat(e.getMessage())
                                    .containsIgnoringCase("changed")
                                    .contains(presented)
                                    .contains(pinned)));
        }
    }

    /**
     * SHA-1 {@code ssh-rsa} and {@code ssh-dss} are not in the client's host-key algorithms, so against a server
     * offering only one of them the handshake cannot agree: the operator must read that, and which algorithms each
     * side had, not that the host key changed (the pinned key is the server's own).
     */
    @ParameterizedTest(name = "server offers only {0}")
    @EnumSource(value = HostKeyType.class, names = {"RSA_SHA1_ONLY", "DSA"})
    void aServerOfferingOnlyAHostKeyAlgorithmWeRefuseIsRefusedForThatNotAsAChangedKey(HostKeyType type) {
        assumeTrue(OpenSshServer.supports(type), () -> "this OpenSSH has no " + type.offeredAlgorithm());
        try (OpenSshServer server = OpenSshServer.start(type)) {
            mailbox(server, ClientKeyType.ECDSA).run(context ->
                    assertThatThrownBy(() -> ProductionMailbox.client(context).probe("/out"))
                            .isInstanceOf(MailboxException.class)
                            .satisfies(e -> assertThat(e.getMessage())
                                    .containsIgnoringCase("no host-key algorithm in common")
                                    .contains(type.offeredAlgorithm())
                                    .doesNotContainIgnoringCase("changed")
                                    .doesNotContainIgnoringCase("not the one pinned")));
        }
    }

    /**
     * MINA uses one list of signature algorithms both to offer host-key algorithms and to sign with the client key:
     * narrowing the host-key algorithms (here to the pinned key's own) must not stop an ECDSA or RSA client key
     * from logging in.
     */
    @ParameterizedTest(name = "{0} client key")
    @EnumSource(value = ClientKeyType.class, names = {"ECDSA", "RSA"})
    void narrowingTheHostKeyAlgorithmsLeavesEveryClientKeyTypeUsable(ClientKeyType key) {
        try (OpenSshServer server = OpenSshServer.start()) {
            mailbox(server, key).with("host-key-algorithms=ssh-ed25519").run(context ->
                    ProductionMailbox.client(context).probe("/out"));
        }
    }
}
