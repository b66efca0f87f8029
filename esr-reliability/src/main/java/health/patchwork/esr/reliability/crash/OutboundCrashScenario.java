package health.patchwork.esr.reliability.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.sandbox.simulator.GoFileWriter;
import health.patchwork.esr.sandbox.simulator.SyntheticTrust;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * kill -9 of the outbound service at a random moment while it picks up, downloads, validates, loads and merges a
 * full file; then a restart. A trial passes when the workforce data, the change feed and the ledger equal those of
 * a clean import and the file is applied exactly once.
 */
public final class OutboundCrashScenario {

    private static final String SERVICE = "outbound-rostering-service";
    private static final Duration APPLY_TIMEOUT = Duration.ofMinutes(4);
    private static final OutboundFileName FILE =
            new OutboundFileName("123", "RST", ExtractType.FULL, LocalDate.of(2026, 11, 1), 1);

    private final Path repository;
    private final Path home;
    private final int staff;
    private final Random random;

    public OutboundCrashScenario(Path repository, Path home, int staff, long seed) {
        this.repository = repository;
        this.home = home;
        this.staff = staff;
        this.random = new Random(seed);
    }

    public ScenarioResult run(int trials) throws Exception {
        SharedPostgres.Endpoint database = SharedPostgres.endpoint();
        try (EmbeddedSftpServer mailbox = mailboxWithFullFile()) {
            String file = FILE.format();
            Map<String, String> environment = HarnessEnvironment.of(database, mailbox, "123", home);

            Timeline timeline = new Timeline();
            WorkforceSnapshot clean = importOnce(database, environment, file, -1, timeline);

            long passed = 0;
            long lost = 0;
            long duplicated = 0;
            String firstFailure = null;
            for (int trial = 0; trial < trials; trial++) {
                // aim at the work itself: from just before the file is discovered to when it is applied
                long from = timeline.discoveredMillis * 8 / 10;
                long killAfter = from + (long) (random.nextDouble() * (timeline.appliedMillis - from));
                WorkforceSnapshot after = importOnce(database, environment, file, killAfter, new Timeline());
                boolean same = after.tables().equals(clean.tables()) && after.feedRows() == clean.feedRows();
                long appliedCount = after.appliedPerFile().getOrDefault(file, 0L);
                if (same && appliedCount == 1) {
                    passed++;
                } else {
                    lost += after.tables().equals(clean.tables()) ? 0 : 1;
                    duplicated += appliedCount > 1 || after.feedRows() > clean.feedRows() ? 1 : 0;
                    if (firstFailure == null) {
                        firstFailure = "killed after " + killAfter + " ms: " + after + " vs clean " + clean;
                    }
                }
            }
            return new ScenarioResult("kill -9 of the outbound service during import (" + staff + " staff)",
                    trials, passed, lost, duplicated, firstFailure);
        }
    }

    /**
     * Two instances of the service against one database and one mailbox, as behind a load balancer: only one may
     * take each file. Passes when the result equals a single instance's import and the file is applied once.
     */
    public ScenarioResult runTwoInstances(int trials) throws Exception {
        SharedPostgres.Endpoint database = SharedPostgres.endpoint();
        try (EmbeddedSftpServer mailbox = mailboxWithFullFile()) {
            String file = FILE.format();
            Map<String, String> environment = HarnessEnvironment.of(database, mailbox, "123", home);
            WorkforceSnapshot clean = importOnce(database, environment, file, -1, new Timeline());
            long passed = 0;
            long duplicated = 0;
            long lost = 0;
            String firstFailure = null;
            for (int trial = 0; trial < trials; trial++) {
                WorkforceSnapshot.reset(database);
                Path logs = Files.createDirectories(home.resolve("logs"));
                List<ServiceProcess> instances = new ArrayList<>();
                try {
                    for (int i = 0; i < 2; i++) {
                        Map<String, String> own = new java.util.LinkedHashMap<>(environment);
                        // each instance has its own local disk, as on separate hosts
                        own.put("ESR_OUTBOUND_WORKDIR", Files.createTempDirectory(home, "outbound-work-").toString());
                        instances.add(ServiceProcess.start(repository, SERVICE, freePort(), own, logs));
                    }
                    long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
                    while (!WorkforceSnapshot.applied(database, file) && System.nanoTime() < deadline) {
                        Thread.sleep(200);
                    }
                    // give the other instance time to (wrongly) take the file too
                    Thread.sleep(5_000);
                } finally {
                    instances.forEach(ServiceProcess::close);
                }
                WorkforceSnapshot after = WorkforceSnapshot.read(database);
                long appliedCount = after.appliedPerFile().getOrDefault(file, 0L);
                if (after.tables().equals(clean.tables()) && after.feedRows() == clean.feedRows()
                        && appliedCount == 1) {
                    passed++;
                } else {
                    lost += appliedCount == 0 ? 1 : 0;
                    duplicated += appliedCount > 1 || after.feedRows() > clean.feedRows() ? 1 : 0;
                    if (firstFailure == null) {
                        firstFailure = "two instances: " + after + " vs one: " + clean;
                    }
                }
            }
            return new ScenarioResult("two outbound instances, one database and mailbox (" + staff + " staff)",
                    trials, passed, lost, duplicated, firstFailure);
        }
    }

    /** A mailbox holding the synthetic Trust's full file, as ESR leaves it. */
    private EmbeddedSftpServer mailboxWithFullFile() throws IOException {
        Files.createDirectories(home);
        EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"));
        SyntheticTrust trust = new SyntheticTrust("123", staff, 20261101L, LocalDate.of(2026, 11, 1));
        GoFileWriter.write(mailbox.root().resolve("out"), FILE, LocalDateTime.of(2026, 11, 1, 5, 0), null,
                LocalDateTime.of(2026, 11, 1, 0, 0), trust.snapshot());
        return mailbox;
    }

    /** Imports into an empty schema; with {@code killAfterMillis >= 0}, kills the service once on the way. */
    /** When, after the process started, the clean run's ledger first saw the file and when it applied it. */
    private static final class Timeline {
        long discoveredMillis = -1;
        long appliedMillis = -1;
    }

    private WorkforceSnapshot importOnce(SharedPostgres.Endpoint database, Map<String, String> environment,
            String file, long killAfterMillis, Timeline timeline) throws Exception {
        WorkforceSnapshot.reset(database);
        Path workDir = Files.createTempDirectory(home, "outbound-work-");
        Map<String, String> own = new java.util.LinkedHashMap<>(environment);
        own.put("ESR_OUTBOUND_WORKDIR", workDir.toString());
        Path logs = Files.createDirectories(home.resolve("logs"));
        if (killAfterMillis >= 0) {
            ServiceProcess doomed = ServiceProcess.start(repository, SERVICE, freePort(), own, logs);
            Thread.sleep(killAfterMillis);
            doomed.kill();
        }
        long started = System.nanoTime();
        ServiceProcess service = ServiceProcess.start(repository, SERVICE, freePort(), own, logs);
        try {
            long deadline = started + APPLY_TIMEOUT.toNanos();
            while (!WorkforceSnapshot.applied(database, file)) {
                if (!service.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("outbound service did not apply " + file + "; see " + service.log());
                }
                if (timeline.discoveredMillis < 0 && WorkforceSnapshot.discovered(database, file)) {
                    timeline.discoveredMillis = (System.nanoTime() - started) / 1_000_000;
                }
                Thread.sleep(50);
            }
            timeline.appliedMillis = (System.nanoTime() - started) / 1_000_000;
            if (timeline.discoveredMillis < 0) {
                timeline.discoveredMillis = timeline.appliedMillis;
            }
        } finally {
            service.close();
        }
        return WorkforceSnapshot.read(database);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
