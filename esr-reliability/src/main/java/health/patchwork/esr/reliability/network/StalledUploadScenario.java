package health.patchwork.esr.reliability.network;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.formats.read.InboundReader;
import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.network.CuttingProxy.Direction;
import health.patchwork.esr.reliability.network.StallingProxy.Thaw;
import health.patchwork.esr.reliability.service.AttendanceWorkload;
import health.patchwork.esr.reliability.service.ServiceHttp;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * The mailbox falls silent while the real attendance service uploads a TA file: the service dials the mailbox
 * through a {@link StallingProxy} that, after a random number of bytes of the upload, forwards nothing more either
 * way and keeps every connection open. The operator's export request is running meanwhile. A trial passes when the
 * export answered 503 problem details and the service gave up the stalled connection, both within the deadline
 * ({@link StallSettings#deadline}: read timeout plus the file's size at the minimum throughput, plus an allowance),
 * health showed the mailbox DOWN naming the stall or a timeout (during the freeze or right after it), and, once the
 * proxy forwards again, the operator's retry sent exactly one new TA file, valid, holding every line of the trial
 * exactly once, with no partial or changing file ever under a final name.
 */
public final class StalledUploadScenario {

    private static final String SERVICE = "attendance-inbound-service";
    private static final int ASSIGNMENTS = 400;
    private static final int MAX_RETRIES = 20;
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(3);

    private final Path repository;
    private final Path home;
    private final int linesPerFile;
    private final Random random;

    public StalledUploadScenario(Path repository, Path home, int linesPerFile, long seed) {
        this.repository = repository;
        this.home = home;
        this.linesPerFile = linesPerFile;
        this.random = new Random(seed);
    }

    public ScenarioResult run(int trials) throws Exception {
        Files.createDirectories(home);
        SharedPostgres.Endpoint database = AttendanceWorkload.freshDatabase(SharedPostgres.endpoint(),
                "reliability_stalled_upload");
        AttendanceWorkload.publishWorkforce(database, ASSIGNMENTS);
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"));
             StallingProxy proxy = StallingProxy.start(mailbox.port());
             FinalNameWatcher watcher = new FinalNameWatcher(mailbox.resolve("/in"))) {
            Map<String, String> environment = AttendanceWorkload.withHarnessPayCodes(ProxiedMailbox.environment(
                    HarnessEnvironment.of(database, mailbox, "123", home), mailbox, proxy.port(), home),
                    home);
            environment.put("ESR_ATTENDANCE_WORKDIR", Files.createTempDirectory(home, "attendance-work-").toString());
            StallSettings.apply(environment);
            Path logs = Files.createDirectories(home.resolve("logs"));
            try (ServiceProcess service = ServiceProcess.start(repository, SERVICE, freePort(), environment, logs)) {
                SandboxRuntime.awaitHealthy(service, Duration.ofMinutes(4));
                AttendanceWorkload workload = new AttendanceWorkload(new ServiceHttp(service.port(),
                        EXPORT_TIMEOUT), ASSIGNMENTS);
                return trials(trials, workload, mailbox, proxy, watcher, service);
            }
        }
    }

    private ScenarioResult trials(int trials, AttendanceWorkload workload, EmbeddedSftpServer mailbox,
            StallingProxy proxy, FinalNameWatcher watcher, ServiceProcess service) throws Exception {
        Path in = mailbox.resolve("/in");
        // a clean export first: the size of one file, to aim inside it and to set the deadline
        Set<String> before = finalNames(in);
        List<Map<String, Object>> cleanLines = workload.lines("clean", linesPerFile,
                AttendanceWorkload.TRACED_PAY_CODE);
        Outcome clean = new Outcome();
        post(workload, cleanLines, clean);
        ServiceHttp.Reply cleanExport = workload.export((String) cleanLines.get(0).get("lineId"));
        // a cold service on a loaded machine can take longer than the short esr.mailbox.timeout to log in once
        for (int retry = 0; retry < 5 && cleanExport.status() == 503; retry++) {
            Thread.sleep(1000);
            cleanExport = workload.export((String) cleanLines.get(0).get("lineId"));
        }
        if (clean.failure == null && cleanExport.status() != 201) {
            clean.failure = "export answered " + cleanExport.status() + " " + cleanExport.body();
        }
        long fileBytes = check(in, before, cleanLines, clean);
        if (clean.failure != null) {
            throw new IllegalStateException("the clean export failed: " + clean.failure);
        }
        Duration deadline = StallSettings.deadline(fileBytes);

        long passed = 0;
        long lost = 0;
        long duplicated = 0;
        int healthDown = 0;
        int resumed = 0;
        List<Duration> abandoned = new ArrayList<>();
        String firstFailure = null;
        for (int trial = 0; trial < trials; trial++) {
            // counted on the uploading connection alone, from a stat before the file: inside the file
            long stallAt = (long) ((0.1 + 0.8 * random.nextDouble()) * fileBytes);
            Thaw thaw = random.nextBoolean() ? Thaw.RESUME : Thaw.DROP;
            resumed += thaw == Thaw.RESUME ? 1 : 0;
            int violationsBefore = watcher.violations().size();
            Outcome outcome = trial(workload, proxy, service, in, "s" + trial, stallAt, thaw, deadline);
            List<String> violations = watcher.violations();
            if (outcome.failure == null && violations.size() > violationsBefore) {
                outcome.failure = "partial file under a final name: " + violations.get(violationsBefore);
            }
            System.out.println("stalled upload trial " + trial + ": stall after " + stallAt + " bytes, "
                    + (outcome.answeredAfter == null ? "export unanswered"
                            : "export answered " + outcome.firstStatus + " after "
                                    + StallSettings.seconds(outcome.answeredAfter))
                    + ", " + StalledDownloadScenario.describe(outcome.closedAfter, deadline, outcome.health)
                    + ", thaw " + thaw + ", " + outcome.retries + " retries"
                    + (outcome.failure == null ? "; passed" : "; FAILED: " + outcome.failure));
            if (outcome.abandonedAfter != null) {
                abandoned.add(outcome.abandonedAfter);
            }
            healthDown += outcome.health != null && outcome.health.sawStallDown() ? 1 : 0;
            lost += outcome.rowsLost;
            duplicated += outcome.rowsDuplicated + outcome.filesDuplicated;
            if (outcome.failure == null) {
                passed++;
            } else if (firstFailure == null) {
                firstFailure = "trial " + trial + " (stall after " + stallAt + " bytes, thaw " + thaw + "): "
                        + outcome.failure;
            }
        }
        return new ScenarioResult("stalled upload: SFTP silent mid-transfer, attendance export retried ("
                + linesPerFile + " lines, " + fileBytes / 1024 + " KB; given up "
                + StallSettings.medianAndMax(abandoned, trials) + ", deadline " + StallSettings.seconds(deadline)
                + "; health DOWN in " + healthDown + " of " + trials + "; " + resumed + " thawed, "
                + (trials - resumed) + " reset)", trials, passed, lost, duplicated, firstFailure);
    }

    /** What one trial saw and left on the mailbox. */
    private static final class Outcome {
        String failure;
        int firstStatus;
        Duration answeredAfter;
        Optional<Duration> closedAfter = Optional.empty();
        /** The later of the answer and the connection given up: when the service had let go of the transfer. */
        Duration abandonedAfter;
        MailboxHealthWatch health;
        int retries;
        long rowsLost;
        long rowsDuplicated;
        long filesDuplicated;
    }

    private Outcome trial(AttendanceWorkload workload, StallingProxy proxy, ServiceProcess service, Path in,
            String prefix, long stallAt, Thaw thaw, Duration deadline) throws Exception {
        Outcome outcome = new Outcome();
        Set<String> before = finalNames(in);
        List<Map<String, Object>> lines = workload.lines(prefix, linesPerFile, AttendanceWorkload.TRACED_PAY_CODE);
        post(workload, lines, outcome);
        if (outcome.failure != null) {
            return outcome;
        }
        String lineId = (String) lines.get(0).get("lineId");
        proxy.armStall(Direction.CLIENT_TO_SERVER, stallAt);
        long[] answeredAt = {-1};
        CompletableFuture<ServiceHttp.Reply> export = CompletableFuture.supplyAsync(() -> {
            ServiceHttp.Reply reply = workload.export(lineId);
            answeredAt[0] = System.nanoTime();
            return reply;
        });
        long waitForFreeze = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!proxy.frozen() && !export.isDone() && System.nanoTime() < waitForFreeze) {
            Thread.sleep(20);
        }
        ServiceHttp.Reply reply;
        if (!proxy.frozen()) {
            proxy.measure(Direction.CLIENT_TO_SERVER);
            outcome.failure = "the stall at " + stallAt + " bytes never came";
            reply = export.get(EXPORT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } else {
            long frozenAt = proxy.frozenAtNanos();
            MailboxHealthWatch health = new MailboxHealthWatch(service.port(), frozenAt);
            outcome.health = health;
            // the freeze lasts until the service has let go and health has shown it, or past the deadline
            long giveUp = frozenAt + deadline.plus(StallSettings.HEALTH_GRACE).toNanos();
            while (System.nanoTime() < giveUp && !(export.isDone()
                    && proxy.stalledConnectionClosedAfter().isPresent() && health.sawStallDown())) {
                health.poll();
                Thread.sleep(100);
            }
            outcome.closedAfter = proxy.stalledConnectionClosedAfter();
            boolean answeredFrozen = export.isDone();
            proxy.thaw(thaw);
            reply = export.get(EXPORT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            outcome.firstStatus = reply.status();
            if (answeredFrozen) {
                outcome.answeredAfter = Duration.ofNanos(answeredAt[0] - frozenAt);
                outcome.abandonedAfter = outcome.closedAfter.map(c -> c.compareTo(outcome.answeredAfter) > 0 ? c
                        : outcome.answeredAfter).orElse(null);
            }
            if (!answeredFrozen) {
                outcome.failure = "the export was still waiting on the stalled upload "
                        + StallSettings.seconds(deadline.plus(StallSettings.HEALTH_GRACE)) + " after the stall"
                        + " (deadline " + StallSettings.seconds(deadline) + "); after the thaw it answered "
                        + reply.status();
            } else if (outcome.answeredAfter.compareTo(deadline) > 0) {
                outcome.failure = "the export answered only " + StallSettings.seconds(outcome.answeredAfter)
                        + " after the stall (deadline " + StallSettings.seconds(deadline) + ")";
            } else if (reply.status() != 503 || !reply.isProblem()) {
                outcome.failure = "the stalled export answered " + reply.status() + " " + reply.body();
            } else if (outcome.closedAfter.isEmpty()) {
                outcome.failure = "the export answered, but the service still held the stalled connection open "
                        + StallSettings.seconds(deadline.plus(StallSettings.HEALTH_GRACE)) + " after the stall";
            } else if (outcome.closedAfter.get().compareTo(deadline) > 0) {
                outcome.failure = "the stalled connection was given up only after "
                        + StallSettings.seconds(outcome.closedAfter.get()) + " (deadline "
                        + StallSettings.seconds(deadline) + ")";
            }
        }
        // the operator's retries, with the proxy forwarding again (health read on, for "right after")
        while (reply.status() != 201 && reply.status() != 204 && outcome.retries < MAX_RETRIES) {
            if (reply.status() != 503 || !reply.isProblem()) {
                break;
            }
            if (outcome.health != null && !outcome.health.sawStallDown()) {
                outcome.health.poll();
            }
            Thread.sleep(500);
            reply = workload.export(lineId);
            outcome.retries++;
        }
        if (outcome.health != null && !outcome.health.sawStallDown() && outcome.failure == null) {
            outcome.failure = "health never showed the mailbox DOWN naming the stall; last seen: "
                    + outcome.health.lastSeen();
        }
        // 204: the retry finished the pending file first (export recovery) and found nothing more to send
        if (reply.status() != 201 && reply.status() != 204 && outcome.failure == null) {
            outcome.failure = "the retried export answered " + reply.status() + " " + reply.body();
        }
        check(in, before, lines, outcome);
        return outcome;
    }

    private static void post(AttendanceWorkload workload, List<Map<String, Object>> lines, Outcome outcome) {
        ServiceHttp.Reply posted = workload.post(lines);
        if (posted.status() != 200) {
            outcome.failure = "posting lines answered " + posted.status();
        }
    }

    /**
     * Exactly one new file under a final name, valid, holding each of {@code lines} once: counts what was lost or
     * repeated into {@code outcome} (first failure wins) and returns the new files' size.
     */
    private static long check(Path in, Set<String> before, List<Map<String, Object>> lines, Outcome outcome)
            throws IOException {
        Set<String> added = finalNames(in);
        added.removeAll(before);
        Map<String, Integer> seen = new HashMap<>();
        long bytes = 0;
        List<String> problems = new ArrayList<>();
        for (String name : added) {
            Path file = in.resolve(name);
            bytes += Files.size(file);
            ValidationReport report = new InboundFileValidator(InboundValidationOptions.forVpd("123")).validate(file);
            if (!report.isValid()) {
                problems.add(name + " is not valid: " + report.outcome());
            }
            try (InputStream stream = Files.newInputStream(file); InboundReader reader = new InboundReader(stream)) {
                for (InboundRecord row = reader.next(); row != null; row = reader.next()) {
                    AttendanceWorkload.tracedLineId(row).ifPresent(id -> seen.merge(id, 1, Integer::sum));
                }
            }
        }
        Set<String> expected = new HashSet<>();
        lines.forEach(line -> expected.add((String) line.get("lineId")));
        outcome.rowsLost = expected.stream().filter(id -> !seen.containsKey(id)).count();
        outcome.rowsDuplicated = seen.values().stream().mapToLong(n -> n - 1L).sum();
        outcome.filesDuplicated = Math.max(0, added.size() - 1);
        long unknown = seen.keySet().stream().filter(id -> !expected.contains(id)).count();
        if (added.isEmpty()) {
            problems.add("no new file on the mailbox");
        } else if (added.size() > 1) {
            problems.add("more than one new file: " + added);
        }
        if (outcome.rowsLost > 0 || outcome.rowsDuplicated > 0 || unknown > 0) {
            problems.add(added + " miss " + outcome.rowsLost + ", repeat " + outcome.rowsDuplicated + " and add "
                    + unknown + " unknown of " + expected.size() + " lines");
        }
        if (outcome.failure == null && !problems.isEmpty()) {
            outcome.failure = String.join("; ", problems);
        }
        return bytes;
    }

    private static Set<String> finalNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> names = new HashSet<>();
            files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".part")).forEach(names::add);
            return names;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
