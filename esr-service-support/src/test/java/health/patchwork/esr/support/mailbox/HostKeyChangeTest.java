package health.patchwork.esr.support.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A mailbox whose host key changes (rebuilt, or someone else answering) stops transfers and turns health DOWN. */
class HostKeyChangeTest {

    private final EmbeddedSftpServer server = EmbeddedSftpServer.start();

    @TempDir
    Path local;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aChangedHostKeyStopsTransfersAndTurnsHealthDownWithAClearMessage() throws IOException {
        MailboxSettings settings = new MailboxSettings(server.host(), server.port(), server.username(),
                server.clientPrivateKey(), null, server.knownHosts(), "/out", "/in", Duration.ofSeconds(10));
        MailboxClient transfers = new SftpMailboxClient(SftpSessionFactories.pinnedHostKey(settings), "mailbox");
        MailboxHealthIndicator health = new MailboxHealthIndicator(
                new SftpMailboxClient(SftpSessionFactories.pinnedHostKeyUncached(settings), "mailbox"), settings,
                List.of("/out", "/in"));
        Path file = Files.writeString(local.resolve("TA.DAT"), "content");
        transfers.upload(file, "/in", "TA_123_PWH_MN2708_00000001.DAT");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        server.changeHostKey();

        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(down.getDetails().get("error")))
                .contains("host key").contains("not the one pinned in known_hosts");
        assertThatThrownBy(() -> transfers.upload(file, "/in", "TA_123_PWH_MN2708_00000002.DAT"))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("host key");
        assertThat(server.resolve("/in/TA_123_PWH_MN2708_00000002.DAT")).doesNotExist();
        assertThat(server.resolve("/in/TA_123_PWH_MN2708_00000002.DAT.part")).doesNotExist();
    }
}
