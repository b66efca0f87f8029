package health.patchwork.esr.support.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real SFTP server (Apache MINA SSHD on loopback) whose host key the client pins. */
class SftpMailboxClientTest {

    private static EmbeddedSftpServer server;

    @TempDir
    Path local;

    @BeforeAll
    static void startServer() {
        server = EmbeddedSftpServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static MailboxSettings settings(Path knownHosts) {
        return new MailboxSettings(server.host(), server.port(), server.username(), server.clientPrivateKey(), null,
                knownHosts, "/out", "/in", Duration.ofSeconds(10));
    }

    private static SftpMailboxClient client(Path knownHosts) {
        return new SftpMailboxClient(MailboxConnector.pooled(settings(knownHosts)));
    }

    @Test
    void uploadPublishesUnderFinalNameOnlyAndDownloadReturnsTheSameBytes() throws IOException {
        SftpMailboxClient mailbox = client(server.knownHosts());
        byte[] content = "HDR,TA\rFTR,0,0".getBytes(StandardCharsets.ISO_8859_1);
        Path source = Files.write(local.resolve("TA.DAT"), content);

        mailbox.upload(source, "/in", "TA_123_PWH_MN2708_00000001.DAT");

        assertThat(server.resolve("/in/TA_123_PWH_MN2708_00000001.DAT")).hasBinaryContent(content);
        assertThat(server.resolve("/in/TA_123_PWH_MN2708_00000001.DAT.part")).doesNotExist();
        assertThat(mailbox.list("/in")).extracting(RemoteFile::name, RemoteFile::size)
                .contains(org.assertj.core.groups.Tuple.tuple("TA_123_PWH_MN2708_00000001.DAT",
                        (long) content.length));

        Path back = local.resolve("back.DAT");
        mailbox.download("/in", "TA_123_PWH_MN2708_00000001.DAT", back);
        assertThat(back).hasBinaryContent(content);
    }

    @Test
    void uploadNeverOverwritesAPublishedFile() throws IOException {
        SftpMailboxClient mailbox = client(server.knownHosts());
        Files.writeString(server.resolve("/in/AB_123_PWH_MN2708_00000001.DAT"), "original");
        Path source = Files.writeString(local.resolve("AB.DAT"), "replacement");

        assertThatThrownBy(() -> mailbox.upload(source, "/in", "AB_123_PWH_MN2708_00000001.DAT"))
                .isInstanceOf(RemoteFileExistsException.class);
        assertThat(server.resolve("/in/AB_123_PWH_MN2708_00000001.DAT")).hasContent("original");
    }

    @Test
    void uploadReplacesAPartFileLeftByAnInterruptedAttempt() throws IOException {
        SftpMailboxClient mailbox = client(server.knownHosts());
        Files.writeString(server.resolve("/in/TA_123_PWH_MN2708_00000002.DAT.part"), "half a file from a crash");
        Path source = Files.writeString(local.resolve("TA2.DAT"), "whole");

        mailbox.upload(source, "/in", "TA_123_PWH_MN2708_00000002.DAT");

        assertThat(server.resolve("/in/TA_123_PWH_MN2708_00000002.DAT")).hasContent("whole");
        assertThat(server.resolve("/in/TA_123_PWH_MN2708_00000002.DAT.part")).doesNotExist();
    }

    @Test
    void anUploadInTwoHalvesWritesTheTemporaryFileThenRenamesItAndNeverOverwrites() throws IOException {
        SftpMailboxClient mailbox = client(server.knownHosts());
        Path source = Files.writeString(local.resolve("TA3.DAT"), "whole file");
        String name = "TA_123_PWH_MN2708_00000003.DAT";
        String part = UploadParts.newName(name);

        mailbox.writeTemporary(source, "/in", part);

        assertThat(server.resolve("/in/" + part)).hasContent("whole file");
        assertThat(server.resolve("/in/" + name)).doesNotExist();
        assertThatThrownBy(() -> mailbox.writeTemporary(source, "/in", part)).as("never into an existing file")
                .isInstanceOf(MailboxException.class);
        assertThat(server.resolve("/in/" + part)).hasContent("whole file");

        Files.writeString(server.resolve("/in/" + name), "someone else's");
        assertThatThrownBy(() -> mailbox.rename("/in", part, name, () -> { }))
                .isInstanceOf(RemoteFileExistsException.class);
        assertThat(server.resolve("/in/" + name)).hasContent("someone else's");
        assertThat(server.resolve("/in/" + part)).as("kept for its caller").exists();

        Files.delete(server.resolve("/in/" + name));
        assertThatThrownBy(() -> mailbox.rename("/in", part, name, () -> {
            throw new IllegalStateException("lock lost");
        })).as("a foreign message is withheld; its class is kept")
                .hasMessageEndingWith("not renamed: IllegalStateException");
        assertThat(server.resolve("/in/" + name)).doesNotExist();

        mailbox.rename("/in", part, name, () -> { });

        assertThat(server.resolve("/in/" + name)).hasContent("whole file");
        assertThat(server.resolve("/in/" + part)).doesNotExist();
        mailbox.remove("/in", name);
        mailbox.remove("/in", name);
        assertThat(server.resolve("/in/" + name)).doesNotExist();
    }

    @Test
    void temporaryNamesAreTheAttemptsOwn() {
        String name = "AB_123_PWH_MN2708_00000001.DAT";
        String one = UploadParts.newName(name);

        assertThat(one).matches("AB_123_PWH_MN2708_00000001\\.DAT\\.[0-9a-f]{16}\\.part");
        assertThat(UploadParts.newName(name)).isNotEqualTo(one);
        assertThat(UploadParts.isAttemptAt(one, name)).isTrue();
        assertThat(UploadParts.isAttemptAt(name + ".part", name)).as("an earlier version's").isTrue();
        assertThat(UploadParts.isAttemptAt(name, name)).isFalse();
        assertThat(UploadParts.isAttemptAt("AB_123_PWH_MN2708_00000001.DAT.zzzzzzzzzzzzzzzz.part", name)).isFalse();
        assertThat(UploadParts.isAttemptAt("AB_123_PWH_MN2708_00000011.DAT.0123456789abcdef.part", name)).isFalse();
    }

    @Test
    void statSaysWhetherAFileIsThere() throws IOException {
        SftpMailboxClient mailbox = client(server.knownHosts());
        Files.writeString(server.resolve("/out/GO_123_RST_GOF_20261101_00000041.DAT"), "12345");

        assertThat(mailbox.stat("/out", "GO_123_RST_GOF_20261101_00000041.DAT")).get()
                .extracting(RemoteFile::size).isEqualTo(5L);
        assertThat(mailbox.stat("/out", "missing.DAT")).isEmpty();
    }

    @Test
    void aServerWhoseKeyIsNotPinnedIsRefused() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        Path otherKnownHosts = Files.writeString(local.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(generator.generateKeyPair().getPublic())
                + "\n");
        SftpMailboxClient mailbox = client(otherKnownHosts);

        assertThatThrownBy(() -> mailbox.probe("/out"))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("host key of 127.0.0.1:" + server.port() + " has changed");
    }
}
