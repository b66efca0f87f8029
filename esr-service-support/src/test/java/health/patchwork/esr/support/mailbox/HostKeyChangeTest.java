package health.patchwork.esr.support.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A mailbox whose host key changes (rebuilt, or someone else answering) stops transfers and turns health DOWN, and
 * the message names the key found against the one pinned; a server with no host-key algorithm we accept is told
 * apart from a changed key.
 */
class HostKeyChangeTest {

    private final EmbeddedSftpServer server = EmbeddedSftpServer.start();

    @TempDir
    Path local;

    @AfterEach
    void stop() {
        server.close();
    }

    private MailboxSettings settings() {
        return new MailboxSettings(server.host(), server.port(), server.username(), server.clientPrivateKey(), null,
                server.knownHosts(), "/out", "/in", Duration.ofSeconds(10));
    }

    @Test
    void aChangedHostKeyStopsTransfersAndTurnsHealthDownNamingBothFingerprints() throws IOException {
        MailboxSettings settings = settings();
        MailboxActivity activity = new MailboxActivity(Clock.systemUTC());
        MailboxClient transfers = new SftpMailboxClient(MailboxConnector.pooled(settings), activity, Clock.systemUTC());
        MailboxHealthProbe probe = new MailboxHealthProbe(new SftpMailboxClient(MailboxConnector.fresh(settings)),
                activity, settings, List.of("/out", "/in"), Clock.systemUTC());
        MailboxHealthIndicator health = new MailboxHealthIndicator(activity, settings, List.of("/out", "/in"));
        Path file = Files.writeString(local.resolve("TA.DAT"), "content");
        String pinned = server.hostKeyFingerprint();

        transfers.upload(file, "/in", "TA_123_PWH_MN2708_00000001.DAT");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        server.changeHostKey();
        probe.probeNow();

        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(down.getDetails().get("error")))
                .contains("host key of 127.0.0.1:" + server.port() + " has changed")
                .contains("presented ecdsa-sha2-nistp256 " + server.hostKeyFingerprint())
                .contains("pins [ecdsa-sha2-nistp256 " + pinned + "]");
        assertThatThrownBy(() -> transfers.upload(file, "/in", "TA_123_PWH_MN2708_00000002.DAT"))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("has changed");
        assertThat(server.resolve("/in/TA_123_PWH_MN2708_00000002.DAT")).doesNotExist();
        try (var left = Files.list(server.resolve("/in"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void noHostKeyAlgorithmInCommonIsNotCalledAChangedKey() {
        MailboxSettings onlyEd25519 = new MailboxSettings(server.host(), server.port(), server.username(),
                server.clientPrivateKey(), null, server.knownHosts(), "/out", "/in", Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(15), 4, org.springframework.util.unit.DataSize.ofKilobytes(32),
                Duration.ofSeconds(5), Duration.ofMinutes(5), List.of("ssh-ed25519"));
        MailboxClient mailbox = new SftpMailboxClient(MailboxConnector.fresh(onlyEd25519));

        assertThatThrownBy(() -> mailbox.probe("/out"))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("no host-key algorithm in common with 127.0.0.1:" + server.port())
                .hasMessageContaining("we accept ssh-ed25519")
                .hasMessageContaining("the server offers ecdsa-sha2-nistp256")
                .hasMessageNotContaining("changed");
    }

    @Test
    void aHostWithNoPinnedKeyIsRefusedNamingTheKeyItPresented() throws IOException {
        Path empty = Files.writeString(local.resolve("known_hosts"), "[example.invalid]:22 "
                + Files.readString(server.knownHosts()).split(" ", 2)[1]);
        MailboxSettings settings = new MailboxSettings(server.host(), server.port(), server.username(),
                server.clientPrivateKey(), null, empty, "/out", "/in", Duration.ofSeconds(10));

        assertThatThrownBy(() -> new SftpMailboxClient(MailboxConnector.fresh(settings)).probe("/out"))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("pins no key for 127.0.0.1:" + server.port())
                .hasMessageContaining("presented ecdsa-sha2-nistp256 " + server.hostKeyFingerprint());
    }
}
