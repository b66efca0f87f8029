package health.patchwork.esr.support.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer.KeyType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production client with an ed25519 client key against the embedded (MINA) mailbox with an ed25519 host key. */
class EmbeddedEd25519MailboxTest {

    private static EmbeddedSftpServer server;

    @TempDir
    Path local;

    @BeforeAll
    static void startServer() {
        server = EmbeddedSftpServer.start(KeyType.ED25519);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static ProductionMailbox mailbox() {
        return ProductionMailbox.of(server.host(), server.port(), server.username(), server.clientPrivateKey(),
                server.knownHosts());
    }

    @Test
    void theKeysAreEd25519() throws IOException {
        assertThat(Files.readString(server.knownHosts(), StandardCharsets.US_ASCII))
                .startsWith("[127.0.0.1]:" + server.port() + " ssh-ed25519 ");
        assertThat(server.clientPrivateKey().getFileName()).hasToString("id_ed25519");
        assertThat(Files.readString(server.clientPrivateKey(), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void uploadsListsAndDownloadsWithEd25519Keys() throws IOException {
        byte[] content = "HDR,TA\r\nFTR,0,0\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Path source = Files.write(local.resolve("TA.DAT"), content);

        mailbox().run(context -> {
            MailboxClient mailbox = ProductionMailbox.client(context);
            mailbox.upload(source, "/in", "TA_123_PWH_MN2708_00000011.DAT");
            assertThat(mailbox.list("/in")).extracting(RemoteFile::name).contains("TA_123_PWH_MN2708_00000011.DAT");
            Path back = local.resolve("back.DAT");
            mailbox.download("/in", "TA_123_PWH_MN2708_00000011.DAT", back);
            assertThat(back).hasBinaryContent(content);
            assertThatThrownBy(() -> mailbox.upload(source, "/in", "TA_123_PWH_MN2708_00000011.DAT"))
                    .isInstanceOf(RemoteFileExistsException.class);
        });
        assertThat(server.resolve("/in/TA_123_PWH_MN2708_00000011.DAT")).hasBinaryContent(content);
    }
}
