package health.patchwork.esr.reliability.network;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.crash.WorkforceSnapshot;
import health.patchwork.esr.reliability.network.CuttingProxy.Direction;
import health.patchwork.esr.reliability.network.StallingProxy.Thaw;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.sandbox.simulator.SyntheticTrust;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * The mailbox falls silent while the real outbound service downloads a full file: the service dials the mailbox
 * through a {@link StallingProxy} that, after a random number of bytes of the file, forwards nothing more either way
 * and keeps every connection open. Each trial puts a new full file (the same staff, the next sequence number) in the
 * mailbox. A trial passes when the service gave up the stalled connection within the deadline
 * ({@link StallSettings#deadline}: read timeout plus the file's size at the minimum throughput, plus an allowance),
 * health showed the mailbox DOWN naming the stall or a timeout (during the freeze or right after it), and, once the
 * proxy forwards again, the service applied that file exactly once from its complete bytes and left the workforce
 * data equal to a clean import's.
 */
public final class StalledDownloadScenario {

    private static final String SERVICE = "outbound-rostering-service";
    private static final Duration APPLY_TIMEOUT = Duration.ofMinutes(3);

    private final Path repository;
    private final Path home;
    private final int staff;
    private final Random random;

    public StalledDownloadScenario(Path repository, Path home, int staff, long seed) {
        this.repository = repository;
        this.home = home;
        this.staff = staff;
        this.random = new Random(seed);
    }

    public ScenarioResult run(int trials) throws Exception {
        Files.createDirectories(home);
        SharedPostgres.Endpoint database = SharedPostgres.endpoint();
        WorkforceSnapshot.reset(database);
        SyntheticTrust trust = new SyntheticTrust("123", staff, 20261101L, LocalDate.of(2026, 11, 1));
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"));
             StallingProxy proxy = StallingProxy.start(mailbox.port())) {
            Map<String, String> environment = ProxiedMailbox.environment(
                    HarnessEnvironment.of(database, mailbox, "123", home), mailbox, proxy.port(), home);
            environment.put("ESR_OUTBOUND_WORKDIR", Files.createTempDirectory(home, "outbound-work-").toString());
            // poll often, so that a trial is a retry away rather than a default 15 minutes
            environment.put("ESR_OUTBOUND_POLLINTERVAL", "1s");
            environment.put("ESR_OUTBOUND_MINFILEAGE", "1s");
            StallSettings.apply(environment);
            Path logs = Files.createDirectories(home.resolve("logs"));
            try (ServiceProcess service = ServiceProcess.start(repository, SERVICE, freePort(), environment, logs)) {
                SandboxRuntime.awaitHealthy(service, Duration.ofMinutes(4));
                Path first = DownloadCutScenario.deliver(mailbox, trust, 1);
                if (!awaitApplied(database, first, service, null)) {
                    throw new IllegalStateException("the clean import did not finish within " + APPLY_TIMEOUT);
                }
                WorkforceSnapshot clean = WorkforceSnapshot.read(database);
                String cleanVerdict = DownloadCutScenario.verdict(database, first, clean, clean);
                if (!cleanVerdict.isEmpty()) {
                    throw new IllegalStateException("the clean import failed: " + cleanVerdict);
                }
                return trials(trials, database, mailbox, trust, proxy, service, clean, Files.size(first));
            }
        }
    }

    private ScenarioResult trials(int trials, SharedPostgres.Endpoint database, EmbeddedSftpServer mailbox,
            SyntheticTrust trust, StallingProxy proxy, ServiceProcess service, WorkforceSnapshot clean,
            long fileBytes) throws Exception {
        long passed = 0;
        long lost = 0;
        long duplicated = 0;
        int healthDown = 0;
        int resumed = 0;
        List<Duration> abandoned = new ArrayList<>();
        String firstFailure = null;
        Duration deadline = StallSettings.deadline(fileBytes);
        for (int trial = 0; trial < trials; trial++) {
            // counted on the downloading connection alone, from a listing or two before the file: inside the file
            long stallAt = (long) ((0.1 + 0.8 * random.nextDouble()) * fileBytes);
            Thaw thaw = random.nextBoolean() ? Thaw.RESUME : Thaw.DROP;
            resumed += thaw == Thaw.RESUME ? 1 : 0;
            proxy.armStall(Direction.SERVER_TO_CLIENT, stallAt);
            Path file = DownloadCutScenario.deliver(mailbox, trust, trial + 2);
            String name = file.getFileName().toString();

            String failure = null;
            MailboxHealthWatch health = null;
            Optional<Duration> closedAfter = Optional.empty();
            boolean applied;
            if (!awaitFreeze(proxy, database, name, service)) {
                failure = "the stall at " + stallAt + " bytes never came";
                proxy.measure(Direction.SERVER_TO_CLIENT);
                proxy.thaw(thaw);
                applied = awaitApplied(database, file, service, null);
            } else {
                long frozenAt = proxy.frozenAtNanos();
                health = new MailboxHealthWatch(service.port(), frozenAt);
                // the freeze lasts until the service has let go and health has shown it, or past the deadline
                long giveUp = frozenAt + deadline.plus(StallSettings.HEALTH_GRACE).toNanos();
                while (System.nanoTime() < giveUp
                        && !(proxy.stalledConnectionClosedAfter().isPresent() && health.sawStallDown())) {
                    health.poll();
                    Thread.sleep(100);
                }
                closedAfter = proxy.stalledConnectionClosedAfter();
                proxy.thaw(thaw);
                // "right after": health keeps being read until the retry has applied the file
                applied = awaitApplied(database, file, service, health);
                if (closedAfter.isEmpty()) {
                    failure = "the service still held the stalled connection open "
                            + StallSettings.seconds(deadline.plus(StallSettings.HEALTH_GRACE))
                            + " after the stall (deadline " + StallSettings.seconds(deadline) + ")";
                } else if (closedAfter.get().compareTo(deadline) > 0) {
                    failure = "the stalled connection was given up only after "
                            + StallSettings.seconds(closedAfter.get()) + " (deadline "
                            + StallSettings.seconds(deadline) + ")";
                } else if (!health.sawStallDown()) {
                    failure = "health never showed the mailbox DOWN naming the stall; last seen: "
                            + health.lastSeen();
                }
                closedAfter.ifPresent(abandoned::add);
                healthDown += health.sawStallDown() ? 1 : 0;
            }
            WorkforceSnapshot after = WorkforceSnapshot.read(database);
            String verdict = applied ? DownloadCutScenario.verdict(database, file, clean, after)
                    : "not applied within " + APPLY_TIMEOUT + " of the thaw";
            if (failure == null && !verdict.isEmpty()) {
                failure = verdict;
            }
            List<String[]> rows = DownloadCutScenario.ledgerRows(database, name);
            String recorded = rows.stream().map(r -> r[3]).filter(Objects::nonNull).findFirst()
                    .map(f -> "; ledger: " + DownloadCutScenario.interruptedAttempts(rows)
                            + " failed attempt(s), last \"" + f + "\"")
                    .orElse("; ledger: " + DownloadCutScenario.interruptedAttempts(rows) + " failed attempt(s)");
            System.out.println("stalled download trial " + trial + ": stall after " + stallAt + " bytes, "
                    + describe(closedAfter, deadline, health) + ", thaw " + thaw + ", "
                    + (applied ? "applied" : "not applied") + recorded
                    + (failure == null ? "; passed" : "; FAILED: " + failure));
            if (failure == null) {
                passed++;
            } else {
                lost += applied && after.tables().equals(clean.tables()) ? 0 : 1;
                duplicated += after.appliedPerFile().getOrDefault(name, 0L) > 1
                        || after.feedRows() > clean.feedRows() ? 1 : 0;
                if (firstFailure == null) {
                    firstFailure = "trial " + trial + " (stall after " + stallAt + " bytes, thaw " + thaw + "): "
                            + failure;
                }
            }
        }
        return new ScenarioResult("stalled download: SFTP silent mid-transfer, outbound full file retried ("
                + staff + " staff, " + fileBytes / 1024 + " KB; given up "
                + StallSettings.medianAndMax(abandoned, trials) + ", deadline " + StallSettings.seconds(deadline)
                + "; health DOWN in " + healthDown + " of " + trials + "; " + resumed + " thawed, "
                + (trials - resumed) + " reset)", trials, passed, lost, duplicated, firstFailure);
    }

    static String describe(Optional<Duration> closedAfter, Duration deadline, MailboxHealthWatch health) {
        String given = closedAfter.map(d -> "given up after " + StallSettings.seconds(d))
                .orElse("never given up") + " (deadline " + StallSettings.seconds(deadline) + ")";
        if (health == null) {
            return given;
        }
        return given + ", health " + (health.sawStallDown() ? "DOWN after " + StallSettings.seconds(
                health.downAfter()) + " (\"" + health.downError() + "\"; named the stall in "
                + health.namingSinceDown() + " answers from then on, last \"" + health.lastSeen() + "\")"
                : "never DOWN naming the stall (last \"" + health.lastSeen() + "\")")
                + ", slowest health answer " + health.slowestMillis() + " ms";
    }

    /** Waits until the proxy froze mid-download; false when the file was applied (or time ran out) first. */
    private static boolean awaitFreeze(StallingProxy proxy, SharedPostgres.Endpoint database, String name,
            ServiceProcess service) throws InterruptedException {
        long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        while (!proxy.frozen()) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the outbound service stopped; see " + service.log());
            }
            if (System.nanoTime() > deadline || WorkforceSnapshot.applied(database, name)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static boolean awaitApplied(SharedPostgres.Endpoint database, Path file, ServiceProcess service,
            MailboxHealthWatch health) throws InterruptedException {
        long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        String name = file.getFileName().toString();
        while (!WorkforceSnapshot.applied(database, name)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the outbound service stopped; see " + service.log());
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (health != null && !health.sawStallDown()) {
                health.poll();
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
