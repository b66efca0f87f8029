package health.patchwork.esr.reliability.network;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.network.CuttingProxy.Direction;
import health.patchwork.esr.reliability.service.AttendanceWorkload;
import health.patchwork.esr.reliability.service.ServiceHttp;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * The SFTP connection cut while the real attendance service uploads a TA file: the service dials the mailbox through
 * a {@link CuttingProxy} that drops every connection after a random number of bytes of the upload. A watcher on the
 * server's disk checks that no final name ever holds a partial file; the operator retries the export until it is
 * sent. A trial passes when exactly one new TA file arrived, valid, with every line of the trial once.
 */
public final class UploadCutScenario {

    private static final String SERVICE = "attendance-inbound-service";
    private static final int ASSIGNMENTS = 400;
    private static final int MAX_RETRIES = 20;

    private final Path repository;
    private final Path home;
    private final int linesPerFile;
    private final Random random;

    public UploadCutScenario(Path repository, Path home, int linesPerFile, long seed) {
        this.repository = repository;
        this.home = home;
        this.linesPerFile = linesPerFile;
        this.random = new Random(seed);
    }

    public ScenarioResult run(int trials) throws Exception {
        Files.createDirectories(home);
        SharedPostgres.Endpoint database = AttendanceWorkload.freshDatabase(SharedPostgres.endpoint(),
                "reliability_upload_cut");
        AttendanceWorkload.publishWorkforce(database, ASSIGNMENTS);
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"));
             CuttingProxy proxy = CuttingProxy.start(mailbox.port());
             FinalNameWatcher watcher = new FinalNameWatcher(mailbox.resolve("/in"))) {
            Map<String, String> environment = AttendanceWorkload.withHarnessPayCodes(ProxiedMailbox.environment(
                    HarnessEnvironment.of(database, mailbox, "123", home), mailbox, proxy, home), home);
            environment.put("ESR_ATTENDANCE_WORKDIR", Files.createTempDirectory(home, "attendance-work-").toString());
            Path logs = Files.createDirectories(home.resolve("logs"));
            try (ServiceProcess service = ServiceProcess.start(repository, SERVICE, freePort(), environment, logs)) {
                SandboxRuntime.awaitHealthy(service, Duration.ofMinutes(4));
                AttendanceWorkload workload = new AttendanceWorkload(new ServiceHttp(service.port(),
                        Duration.ofSeconds(90)), ASSIGNMENTS);
                return trials(trials, workload, mailbox, proxy, watcher);
            }
        }
    }

    private ScenarioResult trials(int trials, AttendanceWorkload workload, EmbeddedSftpServer mailbox,
            CuttingProxy proxy, FinalNameWatcher watcher) throws Exception {
        Path in = mailbox.resolve("/in");
        // a clean export first: what one upload moves through the proxy, and the size of one file
        Set<String> before = finalNames(in);
        proxy.measure(Direction.CLIENT_TO_SERVER);
        Outcome clean = exportOnce(workload, "clean", in, before, false);
        if (clean.failure != null) {
            throw new IllegalStateException("the clean export failed: " + clean.failure);
        }
        long cleanBytes = proxy.counted(Direction.CLIENT_TO_SERVER);
        long fileBytes = clean.fileBytes;

        long passed = 0;
        long lost = 0;
        long duplicated = 0;
        long midUpload = 0;
        String firstFailure = null;
        for (int trial = 0; trial < trials; trial++) {
            // aim inside the file's own bytes: the session set-up and the stat before it come first
            long overhead = Math.max(0, cleanBytes - fileBytes);
            long cutAt = overhead + (long) ((0.05 + 0.9 * random.nextDouble()) * fileBytes);
            before = finalNames(in);
            proxy.armCut(Direction.CLIENT_TO_SERVER, cutAt, random.nextBoolean());
            Outcome outcome = exportOnce(workload, "t" + trial, in, before, true);
            midUpload += outcome.partialPartSeen ? 1 : 0;
            if (outcome.failure == null) {
                passed++;
            } else {
                lost += outcome.rowsLost;
                duplicated += outcome.filesDuplicated;
                if (firstFailure == null) {
                    firstFailure = "trial " + trial + " (cut after " + cutAt + " bytes): " + outcome.failure;
                }
            }
        }
        List<String> violations = watcher.violations();
        if (!violations.isEmpty()) {
            passed = 0;
            firstFailure = "partial file under a final name: " + violations.get(0);
        }
        return new ScenarioResult("SFTP upload cut mid-transfer, attendance export retried (" + linesPerFile
                + " lines per file; " + midUpload + " of " + trials + " cuts left a partial .part)", trials, passed,
                lost, duplicated, firstFailure);
    }

    /** What one export (with its retries) left on the mailbox. */
    private static final class Outcome {
        String failure;
        long fileBytes;
        long rowsLost;
        long filesDuplicated;
        boolean partialPartSeen;
    }

    private Outcome exportOnce(AttendanceWorkload workload, String prefix, Path in, Set<String> before,
            boolean expectCut) throws Exception {
        Outcome outcome = new Outcome();
        List<Map<String, Object>> lines = workload.lines(prefix, linesPerFile);
        ServiceHttp.Reply posted = workload.post(lines);
        if (posted.status() != 200) {
            outcome.failure = "posting lines answered " + posted.status();
            return outcome;
        }
        String lineId = (String) lines.get(0).get("lineId");
        ServiceHttp.Reply reply = workload.export(lineId);
        if (expectCut) {
            outcome.partialPartSeen = partialPart(in);
        }
        for (int attempt = 0; reply.status() != 201 && reply.status() != 204 && attempt < MAX_RETRIES; attempt++) {
            if (reply.status() != 503 || !reply.isProblem()) {
                outcome.failure = "export answered " + reply.status() + " " + reply.body();
                return outcome;
            }
            Thread.sleep(500);
            reply = workload.export(lineId);
        }
        Set<String> added = finalNames(in);
        added.removeAll(before);
        if (added.isEmpty()) {
            outcome.failure = "no new file on the mailbox after " + MAX_RETRIES + " retries";
            outcome.rowsLost = linesPerFile;
            return outcome;
        }
        long rows = 0;
        for (String name : added) {
            Path file = in.resolve(name);
            outcome.fileBytes += Files.size(file);
            ValidationReport report = new InboundFileValidator(InboundValidationOptions.forVpd("123")).validate(file);
            if (!report.isValid()) {
                outcome.failure = name + " is not valid: " + report.outcome();
            }
            rows += report.count("ATT");
        }
        if (added.size() > 1) {
            outcome.filesDuplicated = added.size() - 1;
            outcome.failure = "more than one new file: " + added;
        }
        if (rows != linesPerFile) {
            outcome.rowsLost = Math.max(0, linesPerFile - rows);
            outcome.failure = added + " hold " + rows + " rows for " + linesPerFile + " lines";
        }
        return outcome;
    }

    private static Set<String> finalNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> names = new HashSet<>();
            files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".part")).forEach(names::add);
            return names;
        }
    }

    /** Whether the cut left the temporary file behind: it came after the upload began and before the rename. */
    private static boolean partialPart(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".part"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
