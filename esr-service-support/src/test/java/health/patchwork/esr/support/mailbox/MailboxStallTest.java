package health.patchwork.esr.support.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/**
 * A mailbox that stops answering mid-transfer, its connection open (the embedded server's SFTP subsystem frozen or
 * slowed, keep-alives still answered): the transfer is abandoned by the client's own timeouts, leaves no partial
 * file behind, health says so, and the next attempt completes on a new session.
 */
class MailboxStallTest {

    private static final String GO = "GO_123_RST_GOF_20261101_00000041.DAT";
    private static final String TA = "TA_123_PWH_MN2708_00000001.DAT";

    private final EmbeddedSftpServer server = EmbeddedSftpServer.start();
    private final MailboxActivity activity = new MailboxActivity(Clock.systemUTC());
    private MailboxConnector connector;

    @TempDir
    Path local;

    @BeforeEach
    void connect() {
        connector = MailboxConnector.pooled(settings(Duration.ofSeconds(1), DataSize.ofMegabytes(1)));
    }

    private void longerReadTimeout() {
        connector.destroy();
        connector = MailboxConnector.pooled(settings(Duration.ofSeconds(8), DataSize.ofMegabytes(1)));
    }

    @AfterEach
    void stop() {
        server.resumeTransfers();
        connector.destroy();
        server.close();
    }

    private MailboxSettings settings(Duration readTimeout, DataSize minThroughput) {
        return new MailboxSettings(server.host(), server.port(), server.username(), server.clientPrivateKey(), null,
                server.knownHosts(), "/out", "/in", Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(1), 3,
                minThroughput, Duration.ofSeconds(2), Duration.ofMinutes(5),
                List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256"));
    }

    private MailboxClient client() {
        return new SftpMailboxClient(connector, activity, Clock.systemUTC());
    }

    private MailboxHealthIndicator health() {
        return new MailboxHealthIndicator(activity, connector.settings(), List.of("/out", "/in"));
    }

    @Test
    void aFrozenDownloadIsAbandonedAfterTheReadTimeoutAndTheNextAttemptCompletes() throws IOException {
        byte[] content = randomBytes(300_000);
        Files.write(server.resolve("/out/" + GO), content);
        MailboxClient mailbox = client();
        mailbox.list("/out");
        Path target = local.resolve(GO);

        server.freezeTransfers();
        assertThatThrownBy(() -> mailbox.download("/out", GO, target))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("sent no answer within esr.mailbox.read-timeout (PT1S)")
                .hasMessageContaining("stalled");
        assertThat(target).doesNotExist();
        assertThat(target.resolveSibling(GO + ".part")).doesNotExist();
        Health down = health().health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(down.getDetails().get("error"))).contains("download /out/" + GO).contains("stalled");

        server.resumeTransfers();
        mailbox.download("/out", GO, target);

        assertThat(target).hasBinaryContent(content);
        assertThat(health().health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aFrozenUploadIsAbandonedAndTheRetryPublishesOneWholeFileAndNoPartial() throws IOException {
        byte[] content = randomBytes(300_000);
        Path source = Files.write(local.resolve(TA), content);
        MailboxClient mailbox = client();

        server.freezeTransfers();
        assertThatThrownBy(() -> mailbox.upload(source, "/in", TA))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("stalled");
        assertThat(server.resolve("/in/" + TA)).doesNotExist();

        server.resumeTransfers();
        mailbox.upload(source, "/in", TA);

        assertThat(server.resolve("/in/" + TA)).hasBinaryContent(content);
        try (var files = Files.list(server.resolve("/in"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(TA);
        }
    }

    @Test
    void aTransferThatTricklesIsAbandonedAtItsSizeBasedDeadline() throws IOException {
        // each answer comes well within the read timeout (MINA keeps about 32 reads of 64 KB in flight, so an answer
        // waits about 32 blocks' delay), but the whole file far below the minimum throughput: 16 MB at 8 MB/s may
        // take 2 s + 6 s + 2 s; 256 blocks 0.1 s apart need about 26 s
        connector.destroy();
        connector = MailboxConnector.pooled(settings(Duration.ofSeconds(6), DataSize.ofMegabytes(8)));
        Files.write(server.resolve("/out/" + GO), randomBytes(16 * 1024 * 1024));
        MailboxClient mailbox = client();
        Path target = local.resolve(GO);

        server.slowTransfers(Duration.ofMillis(100));
        assertThatThrownBy(() -> mailbox.download("/out", GO, target))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("abandoned: not finished within PT10S")
                .hasMessageContaining("16777216 bytes at min-throughput 8388608B/s");
        assertThat(target.resolveSibling(GO + ".part")).doesNotExist();
    }

    @Test
    void waitingForAFreePooledSessionIsBounded() throws Exception {
        longerReadTimeout();
        Files.write(server.resolve("/out/" + GO), randomBytes(300_000));
        MailboxClient mailbox = client();
        server.freezeTransfers();
        List<Thread> stuck = new java.util.ArrayList<>();
        for (int i = 0; i < MailboxConnector.POOL_SIZE; i++) {
            Path target = local.resolve("stuck-" + i);
            Thread thread = new Thread(() -> {
                try {
                    mailbox.download("/out", GO, target);
                } catch (MailboxException expected) {
                    // abandoned after the read timeout
                }
            });
            thread.start();
            stuck.add(thread);
        }
        // the four sessions are taken by the frozen downloads; a fifth caller waits session-wait at most
        await().atMost(Duration.ofSeconds(30)).until(() -> activity.running().stream()
                .filter(op -> op.operation().startsWith("download")).count() == MailboxConnector.POOL_SIZE);
        assertThatThrownBy(() -> mailbox.list("/out"))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("no mailbox session became free within esr.mailbox.session-wait (PT2S)");
        for (Thread thread : stuck) {
            thread.join(30_000);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
