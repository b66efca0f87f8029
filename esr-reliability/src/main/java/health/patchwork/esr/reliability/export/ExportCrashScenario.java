package health.patchwork.esr.reliability.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.ServiceLauncher;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * kill -9 of an inbound service at a random moment of an export, then a restart and the export asked for again, as
 * an operator would after a failed request. A trial passes when the mailbox holds exactly one file per period under
 * its final name, every posted item is in exactly one file, and the service's ledger and item tables agree with the
 * mailbox (every file UPLOADED, nothing unsent).
 */
public final class ExportCrashScenario {

    private final Path home;
    private final int items;
    private final Random random;
    private final ServiceLauncher launcher;
    private final HarnessHttp http = new HarnessHttp();
    private Long assumedExportMillis;

    public ExportCrashScenario(Path repository, Path home, int items, long seed) {
        this.home = home;
        this.items = items;
        this.random = new Random(seed);
        this.launcher = new ServiceLauncher(repository, home);
    }

    /**
     * Skips the clean run that times an export and draws kill moments over this length instead: for the CI size,
     * where two service starts per trial already cost most of the time.
     */
    public ExportCrashScenario assumingExportTakes(Duration exportTime) {
        this.assumedExportMillis = exportTime.toMillis();
        return this;
    }

    public ScenarioResult runAttendance(int trials) throws Exception {
        return run(new AttendanceExporting(), trials, "lines", null).get(0);
    }

    public ScenarioResult runAbsence(int trials) throws Exception {
        return run(new AbsenceExporting(), trials, "absences", null).get(0);
    }

    /** The service the last trial restarted, still running, for a scenario that carries on with it. */
    record Running(HarnessDatabase database, EmbeddedSftpServer mailbox, Map<String, String> environment,
                   ServiceProcess process) {
    }

    /** A scenario that carries on with the service the last trial left running (and closes it when done). */
    @FunctionalInterface
    interface FollowUp {
        List<ScenarioResult> continueOn(ExportingService service, Running running) throws Exception;
    }

    /** The trials; then, if {@code then} is given, that scenario on the service the last trial restarted. */
    List<ScenarioResult> run(ExportingService service, int trials, String itemsName, FollowUp then)
            throws Exception {
        Files.createDirectories(home);
        HarnessDatabase database = new HarnessDatabase(SharedPostgres.endpoint());
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"))) {
            Map<String, String> environment = service.environment(
                    HarnessEnvironment.of(database.endpoint(), mailbox, "123", home), home);
            long cleanExportMillis = assumedExportMillis != null ? assumedExportMillis
                    : cleanExportMillis(service, database, mailbox, environment);

            long passed = 0;
            long lost = 0;
            long duplicated = 0;
            String firstFailure = null;
            Running running = null;
            for (int t = 0; t < trials; t++) {
                // from a fifth of the export's length before it is asked for to the moment a clean run had it done
                long killAfter = (long) ((random.nextDouble() * 1.2 - 0.2) * cleanExportMillis);
                Outcome outcome = trial(service, database, mailbox, environment, killAfter,
                        then != null && t == trials - 1);
                running = outcome.running();
                if (outcome.failure() == null) {
                    passed++;
                } else {
                    lost += outcome.lost();
                    duplicated += outcome.duplicated();
                    if (firstFailure == null) {
                        firstFailure = "killed " + killAfter + " ms after the export was asked for: "
                                + outcome.failure();
                    }
                }
            }
            ScenarioResult result = new ScenarioResult("kill -9 of " + service.module() + " during export (" + items
                    + " " + itemsName + ")", trials, passed, lost, duplicated, firstFailure);
            if (running == null) {
                return List.of(result);
            }
            List<ScenarioResult> results = new ArrayList<>(List.of(result));
            results.addAll(then.continueOn(service, running));
            return results;
        }
    }

    private long cleanExportMillis(ExportingService service, HarnessDatabase database, EmbeddedSftpServer mailbox,
            Map<String, String> environment) throws Exception {
        Outcome clean = trial(service, database, mailbox, environment, Long.MIN_VALUE, false);
        if (clean.failure() != null) {
            throw new IllegalStateException("a clean export of " + service.module() + " failed: " + clean.failure());
        }
        return clean.exportMillis();
    }

    /**
     * What one trial left: items missing or repeated, and why it failed (null when it passed); the service still
     * running when it was to be handed over.
     */
    private record Outcome(long exportMillis, long lost, long duplicated, String failure, Running running) {

        Outcome handingOver(Running service) {
            return new Outcome(exportMillis, lost, duplicated, failure, service);
        }
    }

    /**
     * One export from empty schemas; {@code killAfterMillis == Long.MIN_VALUE} is a clean run. With
     * {@code handOver} the service it ends with is left running, in the outcome.
     */
    private Outcome trial(ExportingService service, HarnessDatabase database, EmbeddedSftpServer mailbox,
            Map<String, String> environment, long killAfterMillis, boolean handOver) throws Exception {
        database.dropSchemas(service.schema());
        PublishedContractStub.install(database, items);
        emptyInboundFolder(mailbox);
        Map<String, String> own = new HashMap<>(environment);
        own.put("ESR_" + service.schema().toUpperCase() + "_WORKDIR",
                Files.createTempDirectory(home, service.schema() + "-work-").toString());

        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        ServiceProcess process = launcher.startHealthy(service.module(), own);
        long exportMillis;
        List<String> periods;
        boolean handedOver = false;
        try {
            String baseUrl = ServiceLauncher.baseUrl(process);
            Set<String> expected = service.post(http, baseUrl, items, day);
            periods = service.pendingPeriods(database);
            long started = System.nanoTime();
            if (killAfterMillis == Long.MIN_VALUE) {
                exportAll(service, baseUrl, periods);
            } else if (killAfterMillis < 0) {
                Thread.sleep(-killAfterMillis);
                process.kill();
            } else {
                Thread exporting = new Thread(() -> exportAllIgnoringTheKill(service, baseUrl, periods), "export");
                exporting.start();
                Thread.sleep(killAfterMillis);
                process.kill();
                exporting.join(60_000);
            }
            exportMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            if (killAfterMillis != Long.MIN_VALUE) {
                process.close();
                // the restart: start-up recovery, then the export asked for again as after a failed request
                process = launcher.startHealthy(service.module(), own);
                exportAll(service, ServiceLauncher.baseUrl(process), periods);
            }
            Outcome outcome = check(service, database, mailbox, expected, exportMillis);
            if (handOver) {
                handedOver = true;
                return outcome.handingOver(new Running(database, mailbox, own, process));
            }
            return outcome;
        } finally {
            if (!handedOver) {
                process.close();
            }
        }
    }

    private void exportAll(ExportingService service, String baseUrl, List<String> periods) {
        for (String period : periods) {
            int status = service.export(http, baseUrl, period);
            if (status >= 300 && status != 204) {
                throw new IllegalStateException(service.module() + " export of " + period + " answered " + status);
            }
        }
    }

    private void exportAllIgnoringTheKill(ExportingService service, String baseUrl, List<String> periods) {
        try {
            exportAll(service, baseUrl, periods);
        } catch (IllegalStateException killed) {
            // the connection dies with the process: what the operator sees before retrying
        }
    }

    private Outcome check(ExportingService service, HarnessDatabase database, EmbeddedSftpServer mailbox,
            Set<String> expected, long exportMillis) throws Exception {
        InboundFolder folder = InboundFolder.read(mailbox.root().resolve("in"), service);
        Map<String, Integer> seen = new HashMap<>();
        folder.itemsByFile().values().forEach(ids -> ids.forEach(id -> seen.merge(id, 1, Integer::sum)));
        long lost = expected.stream().filter(id -> !seen.containsKey(id)).count();
        long duplicated = seen.values().stream().mapToLong(n -> n - 1L).sum()
                + folder.filesPerPeriod().values().stream().mapToLong(n -> n - 1L).sum();
        Set<String> unexpected = new HashSet<>(seen.keySet());
        unexpected.removeAll(expected);

        Set<String> uploaded = new HashSet<>(database.strings("select file_name from " + service.schema()
                + ".export_file where state = 'UPLOADED'"));
        long unfinished = database.count("select count(*) from " + service.schema()
                + ".export_file where state <> 'UPLOADED'");
        long unsent = service.unsent(database);
        List<String> problems = new ArrayList<>();
        if (lost > 0 || duplicated > 0 || !unexpected.isEmpty()) {
            problems.add(lost + " missing, " + duplicated + " repeated, " + unexpected.size() + " unknown items;"
                    + " files per period " + folder.filesPerPeriod());
        }
        if (!uploaded.equals(folder.itemsByFile().keySet()) || unfinished > 0 || unsent > 0) {
            problems.add("ledger " + uploaded + " (" + unfinished + " not uploaded, " + unsent + " items unsent)"
                    + " vs mailbox " + folder.itemsByFile().keySet());
        }
        // a ledger that disagrees with the mailbox loses a file even when every item happens to be there
        long lostByLedger = problems.isEmpty() || lost > 0 || duplicated > 0 ? 0 : 1;
        return new Outcome(exportMillis, lost + lostByLedger, duplicated,
                problems.isEmpty() ? null : String.join("; ", problems) + " (.part files: " + folder.partFiles()
                        + ")", null);
    }

    private static void emptyInboundFolder(EmbeddedSftpServer mailbox) throws IOException {
        try (Stream<Path> files = Files.list(mailbox.root().resolve("in"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}
