package health.patchwork.esr.support.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import health.patchwork.esr.support.mailbox.MailboxConnector;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.trust.TrustSettings;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure shows on its own line only, with an operator's reason. */
class GoLiveChecksTest {

    private final EmbeddedSftpServer server = EmbeddedSftpServer.start();
    private final TrustSettings trust = new TrustSettings("123", "Test Trust", false);

    @TempDir
    Path local;

    @AfterEach
    void stop() {
        server.close();
    }

    private MailboxSettings mailbox(String outbound, String inbound, Path knownHosts) {
        return new MailboxSettings(server.host(), server.port(), server.username(), server.clientPrivateKey(), null,
                knownHosts, outbound, inbound, Duration.ofSeconds(10));
    }

    private static GoLiveReport run(MailboxSettings settings, TrustSettings trust, MailboxUse use) {
        MailboxProbe probe = new MailboxProbe(MailboxConnector.fresh(settings));
        List<GoLiveCheck> checks = List.of(new TrustCheck(trust), new InterfacesCheck(trust),
                new ClientKeyCheck(settings), new HostKeyPinnedCheck(settings),
                new MailboxConnectionCheck(probe, settings), new OutboundFolderReadableCheck(probe, settings),
                new InboundFolderWritableCheck(probe, settings));
        return new GoLiveEndpoint(checks, new Checklist("test", trust, settings, use, Clock.systemUTC())).report();
    }

    private static Map<String, CheckResult> results(GoLiveReport report) {
        return report.checks().stream().collect(Collectors.toMap(ReadinessCheck::name, ReadinessCheck::result));
    }

    @Test
    void aMissingInboundFolderFailsThatLineOnly() {
        GoLiveReport report = run(mailbox("/out", "/nowhere", server.knownHosts()), trust, MailboxUse.inboundOnly());

        assertThat(report.ready()).isFalse();
        assertThat(results(report)).containsEntry(InboundFolderWritableCheck.NAME, CheckResult.FAIL)
                .containsEntry(MailboxConnectionCheck.NAME, CheckResult.PASS)
                .containsEntry(OutboundFolderReadableCheck.NAME, CheckResult.PASS)
                .containsEntry(HostKeyPinnedCheck.NAME, CheckResult.PASS);
        assertThat(report.checks().stream().filter(c -> c.result() == CheckResult.FAIL)).hasSize(1);
        assertThat(report.checklist()).contains("[FAIL] inbound folder writable: write /nowhere/.esr-golive-probe-")
                .contains("Ready for go-live: no");
    }

    @Test
    void aMissingOutboundFolderFailsThatLineOnly() {
        GoLiveReport report = run(mailbox("/absent", "/in", server.knownHosts()), trust,
                MailboxUse.outboundAndInbound());

        assertThat(results(report)).containsEntry(OutboundFolderReadableCheck.NAME, CheckResult.FAIL)
                .containsEntry(InboundFolderWritableCheck.NAME, CheckResult.PASS);
        assertThat(report.checks().stream().filter(c -> c.result() == CheckResult.FAIL)).hasSize(1);
    }

    @Test
    void anUnpinnedHostFailsTheHostKeyAndTheConnection() throws IOException {
        Path otherHost = Files.writeString(local.resolve("known_hosts"),
                Files.readString(server.knownHosts()).replace("[127.0.0.1]:" + server.port(), "[127.0.0.1]:1"));

        Map<String, CheckResult> results = results(run(mailbox("/out", "/in", otherHost), trust,
                MailboxUse.inboundOnly()));

        assertThat(results).containsEntry(HostKeyPinnedCheck.NAME, CheckResult.FAIL)
                .containsEntry(MailboxConnectionCheck.NAME, CheckResult.FAIL)
                .containsEntry(ClientKeyCheck.NAME, CheckResult.PASS);
    }

    @Test
    void aChangedHostKeyIsNamedInTheConnectionLine() {
        server.changeHostKey();

        GoLiveReport report = run(mailbox("/out", "/in", server.knownHosts()), trust, MailboxUse.inboundOnly());

        ReadinessCheck connection = report.checks().stream()
                .filter(c -> c.name().equals(MailboxConnectionCheck.NAME)).findFirst().orElseThrow();
        assertThat(connection.result()).isEqualTo(CheckResult.FAIL);
        assertThat(connection.detail()).contains("has changed").contains("known_hosts pins");
    }

    @Test
    void aTrustWithoutANameIsAWarningNotAFailure() {
        GoLiveReport report = run(mailbox("/out", "/in", server.knownHosts()), new TrustSettings("123", null, true),
                MailboxUse.inboundOnly());

        assertThat(results(report)).containsEntry(TrustCheck.NAME, CheckResult.WARN);
        assertThat(report.ready()).isTrue();
        assertThat(report.checklist()).contains("generic-absence-inbound: not used (bank-only Trust)");
    }

    @Test
    void pendingMigrationsFail() {
        SharedPostgres.Endpoint db = SharedPostgres.endpoint();
        Flyway notMigrated = Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password())
                .schemas("golive_pending").defaultSchema("golive_pending")
                .locations("classpath:golive-test-migration").load();

        ReadinessCheck check = new MigrationsCheck(List.of(notMigrated)).run();

        assertThat(check.result()).isEqualTo(CheckResult.FAIL);
        assertThat(check.detail()).contains("schema golive_pending").contains("pending [V1 V2]");
    }
}
