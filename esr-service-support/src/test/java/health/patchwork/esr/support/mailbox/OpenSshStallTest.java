package health.patchwork.esr.support.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import health.patchwork.esr.testsupport.sftp.OpenSshServer;
import health.patchwork.esr.testsupport.sftp.OpenSshServer.ClientKeyType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/**
 * A real OpenSSH session frozen mid-conversation (its processes stopped, the TCP connection open: the case that hung
 * the poller for ten minutes): the production client gives up within its read timeout, health says the connection
 * stalled, and once the server runs again the next attempt completes on a new session.
 */
class OpenSshStallTest {

    private static final String GO = "GO_123_RST_GOF_20261101_00000041.DAT";

    private OpenSshServer server;

    @TempDir
    Path local;

    @BeforeEach
    void start() {
        assumeTrue(OpenSshServer.available(), OpenSshServer::unavailableReason);
        server = OpenSshServer.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.unfreeze();
            server.close();
        }
    }

    private ProductionMailbox mailbox() {
        return ProductionMailbox.of(server.host(), server.port(), server.username(),
                        server.clientPrivateKey(ClientKeyType.ED25519), server.knownHosts())
                .with("timeout=3s").with("read-timeout=2s").with("keep-alive-interval=1s")
                .with("keep-alive-max-missed=3");
    }

    @Test
    void aPooledSessionThatWentSilentIsEvictedAndANewOneServes() throws Exception {
        Files.writeString(server.outDir().resolve(GO), "HDR\r\n");
        mailbox().run(context -> {
            MailboxClient mailbox = ProductionMailbox.client(context);
            mailbox.list("/out");   // a pooled session, open and logged in

            server.freeze(false);   // that session's processes stop; new connections are still served

            assertThat(mailbox.list("/out")).extracting(RemoteFile::name).containsExactly(GO);
        });
    }

    @Test
    void aFrozenServerFailsTheTransferWithinItsTimeoutsAndTheNextOneCompletes() throws Exception {
        byte[] content = new byte[400_000];
        new Random(41).nextBytes(content);
        Files.write(server.outDir().resolve(GO), content);
        Path target = local.resolve(GO);

        mailbox().run(context -> {
            MailboxClient mailbox = ProductionMailbox.client(context);
            mailbox.list("/out");

            server.freeze(true);   // sessions and listener: connections are accepted by the kernel, never answered
            assertThatThrownBy(() -> mailbox.download("/out", GO, target))
                    .isInstanceOf(MailboxException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("stalled", "esr.mailbox.timeout"));
            assertThat(target).doesNotExist();
            assertThat(target.resolveSibling(GO + ".part")).doesNotExist();
            var health = context.getBean(MailboxHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);

            server.unfreeze();
            mailbox.download("/out", GO, target);
            assertThat(target).hasBinaryContent(content);
            assertThat(context.getBean(MailboxHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }
}
