package health.patchwork.esr.reliability.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.ServiceLauncher;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * kill -9 of an inbound service exactly between the rename of its file to the final name and the ledger update that
 * records it UPLOADED; then ESR collects the file from the mailbox's inbound folder before the service is back; then
 * the restart (start-up recovery) and the export asked for again, as an operator would after the failed request. A
 * trial passes when no second file is sent: the inbound folder stays empty, the collected file holds every posted
 * item once, and the ledger records the file UPLOADED as collected, with nothing left unsent.
 * <p>
 * The moment is exact, not timed: the harness adds a trigger to the service's {@code export_file} that makes the
 * update to UPLOADED wait for an advisory lock the harness holds. Once the service's session waits on it (seen in
 * {@code pg_locks}), the file is renamed and the ledger not yet updated; the harness kills the process then, ends
 * the waiting database session (so that the update dies with it), takes the file away as ESR would, and lets go of
 * the lock. Service starts are reused: the restart of one trial is where the next trial posts and exports.
 */
public final class CollectedBeforeRecoveryScenario {

    /** "HARNESS": the key of the lock the mark waits on while the harness holds it. */
    static final long HOLD_KEY = 0x48_41_52_4e_45_53_53L;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Path home;
    private final int items;
    private final ServiceLauncher launcher;
    private final HarnessHttp http = new HarnessHttp();

    public CollectedBeforeRecoveryScenario(Path repository, Path home, int items) {
        this.home = home;
        this.items = items;
        this.launcher = new ServiceLauncher(repository, home);
    }

    public ScenarioResult runAttendance(int trials) throws Exception {
        return run(new AttendanceExporting(), trials);
    }

    public ScenarioResult runAbsence(int trials) throws Exception {
        return run(new AbsenceExporting(), trials);
    }

    /**
     * {@code crash}'s attendance trials, then this scenario's on the service its last trial restarted: one service
     * start fewer (what the CI size does).
     */
    public List<ScenarioResult> runAttendanceAfter(ExportCrashScenario crash, int crashTrials, int trials)
            throws Exception {
        return crash.run(new AttendanceExporting(), crashTrials, "lines", followingOn(trials, null));
    }

    /** As {@link #runAttendanceAfter}, for the absence service. */
    public List<ScenarioResult> runAbsenceAfter(ExportCrashScenario crash, int crashTrials, int trials)
            throws Exception {
        return crash.run(new AbsenceExporting(), crashTrials, "absences", followingOn(trials, null));
    }

    /**
     * As {@link #runAttendanceAfter}, and then {@code corrections}' trials on the service this scenario's last trial
     * restarted: one service start for three scenarios (what the CI size does).
     */
    public List<ScenarioResult> runAttendanceAfter(ExportCrashScenario crash, int crashTrials, int trials,
            CorrectionsDuringExportScenario corrections, int correctionTrials) throws Exception {
        return crash.run(new AttendanceExporting(), crashTrials, "lines",
                followingOn(trials, corrections.followingOn(correctionTrials)));
    }

    /** As the one above, for the absence service. */
    public List<ScenarioResult> runAbsenceAfter(ExportCrashScenario crash, int crashTrials, int trials,
            CorrectionsDuringExportScenario corrections, int correctionTrials) throws Exception {
        return crash.run(new AbsenceExporting(), crashTrials, "absences",
                followingOn(trials, corrections.followingOn(correctionTrials)));
    }

    private ExportCrashScenario.FollowUp followingOn(int trials, ExportCrashScenario.FollowUp then) {
        return (service, running) -> continueOn(service, running, trials, then);
    }

    private ScenarioResult run(ExportingService service, int trials) throws Exception {
        Files.createDirectories(home);
        HarnessDatabase database = new HarnessDatabase(SharedPostgres.endpoint());
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"))) {
            Map<String, String> environment = new HashMap<>(service.environment(
                    HarnessEnvironment.of(database.endpoint(), mailbox, "123", home), home));
            environment.put("ESR_" + service.schema().toUpperCase() + "_WORKDIR",
                    Files.createTempDirectory(home, service.schema() + "-work-").toString());
            database.dropSchemas(service.schema());
            PublishedContractStub.install(database, items);
            ServiceProcess process = launcher.startHealthy(service.module(), environment);
            return continueOn(service, new ExportCrashScenario.Running(database, mailbox, environment, process),
                    trials, null).get(0);
        }
    }

    /**
     * The trials, on a running service whose schema holds at least {@link #items} assignments; then {@code then} on
     * the service the last trial restarted, if given, or else closes it.
     */
    private List<ScenarioResult> continueOn(ExportingService service, ExportCrashScenario.Running running, int trials,
            ExportCrashScenario.FollowUp then) throws Exception {
        Files.createDirectories(home);
        long passed = 0;
        long lost = 0;
        long duplicated = 0;
        String firstFailure = null;
        ServiceProcess process = running.process();
        boolean handedOver = false;
        ScenarioResult result;
        try {
            // the service's migrations have made export_file by now
            holdUploadedMarks(running.database(), service.schema());
            // files sent before this scenario: ESR has them already
            moveFinalNames(running.mailbox().root().resolve("in"),
                    Files.createDirectories(home.resolve("collected-" + service.schema()).resolve("before")));
            for (int t = 0; t < trials; t++) {
                Trial trial = new Trial(service, running.database(), running.mailbox(), running.environment(), t);
                process = trial.run(process);
                if (trial.failure == null) {
                    passed++;
                } else {
                    lost += trial.lost;
                    duplicated += trial.duplicated;
                    if (firstFailure == null) {
                        firstFailure = "trial " + (t + 1) + ": " + trial.failure;
                    }
                }
            }
            result = new ScenarioResult("kill -9 of " + service.module() + " between the rename and the ledger"
                    + " update, file collected by ESR before the restart (" + items + " " + service.itemsName() + ")",
                    trials, passed, lost, duplicated, firstFailure);
            if (then == null) {
                return List.of(result);
            }
            handedOver = true;
        } finally {
            if (!handedOver) {
                process.close();
            }
        }
        List<ScenarioResult> results = new ArrayList<>(List.of(result));
        results.addAll(then.continueOn(service, new ExportCrashScenario.Running(running.database(),
                running.mailbox(), running.environment(), process)));
        return results;
    }

    /** Makes every update of a file to UPLOADED wait while the harness holds {@link #HOLD_KEY}. */
    private static void holdUploadedMarks(HarnessDatabase database, String schema) throws SQLException {
        database.execute("""
                create or replace function %1$s.harness_hold_uploaded_mark() returns trigger language plpgsql as $$
                begin perform pg_advisory_xact_lock(%2$d); return new; end $$;
                drop trigger if exists harness_hold_uploaded_mark on %1$s.export_file;
                create trigger harness_hold_uploaded_mark before update on %1$s.export_file for each row
                    when (new.state = 'UPLOADED' and old.state is distinct from 'UPLOADED')
                    execute function %1$s.harness_hold_uploaded_mark()""".formatted(schema, HOLD_KEY));
    }

    /** One trial, on the service left running by the one before. */
    private final class Trial {

        private final ExportingService service;
        private final HarnessDatabase database;
        private final EmbeddedSftpServer mailbox;
        private final Map<String, String> environment;
        private final int number;
        private final Path collected;
        private long lost;
        private long duplicated;
        private String failure;

        Trial(ExportingService service, HarnessDatabase database, EmbeddedSftpServer mailbox,
                Map<String, String> environment, int number) throws IOException {
            this.service = service;
            this.database = database;
            this.mailbox = mailbox;
            this.environment = environment;
            this.number = number;
            this.collected = Files.createDirectories(home.resolve("collected-" + service.schema())
                    .resolve(System.nanoTime() + "-" + number));
        }

        /** Returns the service process that runs after it: the one restarted after the kill. */
        ServiceProcess run(ServiceProcess process) throws Exception {
            String baseUrl = ServiceLauncher.baseUrl(process);
            LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
            Set<String> expected = service.post(http, baseUrl, items, day, (number + 1) * items);
            List<String> periods = service.pendingPeriods(database);
            try (Connection hold = database.connect()) {
                lock(hold, "select pg_advisory_lock(?)");
                Thread exporting = new Thread(() -> exportAllIgnoringTheKill(baseUrl, periods), "export");
                exporting.start();
                boolean held = awaitMarkWaiting(exporting);
                List<String> renamed = finalNames(inbound());
                process.kill();
                if (held) {
                    endWaitingSessions(hold);
                }
                lock(hold, "select pg_advisory_unlock(?)");
                exporting.join(60_000);
                if (!held) {
                    failure = "the export ended without reaching the ledger update";
                } else if (renamed.isEmpty()) {
                    failure = "no file under a final name while the ledger update waited";
                }
            }
            process.close();
            collect();
            ServiceProcess restarted = launcher.startHealthy(service.module(), environment);
            if (failure == null) {
                exportAll(ServiceLauncher.baseUrl(restarted), periods);
                check(expected);
            }
            return restarted;
        }

        /** Waits until the service's session waits on the harness's lock: renamed, not yet marked. */
        private boolean awaitMarkWaiting(Thread exporting) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                if (waitingOnHold() > 0) {
                    return true;
                }
                if (!exporting.isAlive()) {
                    return waitingOnHold() > 0;
                }
                Thread.sleep(10);
            }
            return false;
        }

        private long waitingOnHold() throws SQLException {
            return database.count("select count(*) from pg_locks where locktype = 'advisory' and not granted"
                    + " and objsubid = 1 and classid = ?::oid and objid = ?::oid", HOLD_KEY >>> 32,
                    HOLD_KEY & 0xffffffffL);
        }

        /** The killed process's session would carry on once the lock is free; end it first, update and all. */
        private void endWaitingSessions(Connection hold) throws SQLException {
            try (PreparedStatement statement = hold.prepareStatement("select pg_terminate_backend(pid) from pg_locks"
                    + " where locktype = 'advisory' and not granted and objsubid = 1 and classid = ?::oid"
                    + " and objid = ?::oid")) {
                statement.setLong(1, HOLD_KEY >>> 32);
                statement.setLong(2, HOLD_KEY & 0xffffffffL);
                statement.execute();
            }
        }

        /** ESR takes every file under a final name out of the inbound folder; the harness keeps them to check. */
        private void collect() throws IOException {
            moveFinalNames(inbound(), collected);
        }

        private void check(Set<String> expected) throws Exception {
            InboundFolder again = InboundFolder.read(inbound(), service);
            InboundFolder taken = InboundFolder.read(collected, service);
            Map<String, Integer> seen = new HashMap<>();
            taken.itemsByFile().values().forEach(ids -> ids.forEach(id -> seen.merge(id, 1, Integer::sum)));
            again.itemsByFile().values().forEach(ids -> ids.forEach(id -> seen.merge(id, 1, Integer::sum)));
            lost = expected.stream().filter(id -> !seen.containsKey(id)).count();
            long repeats = seen.values().stream().mapToLong(n -> n - 1L).sum()
                    + taken.filesPerPeriod().values().stream().mapToLong(n -> n - 1L).sum();
            duplicated = repeats + again.itemsByFile().size();
            Set<String> unexpected = new HashSet<>(seen.keySet());
            unexpected.removeAll(expected);
            List<String> problems = new ArrayList<>();
            if (!again.itemsByFile().isEmpty()) {
                problems.add("sent again after the restart: " + again.itemsByFile().keySet());
            }
            if (lost > 0 || repeats > 0 || !unexpected.isEmpty()) {
                problems.add(lost + " missing, " + repeats + " repeated, " + unexpected.size()
                        + " unknown items; collected " + taken.filesPerPeriod());
            }
            String schema = service.schema();
            long unfinished = database.count("select count(*) from " + schema + ".export_file"
                    + " where state <> 'UPLOADED'");
            long unsent = service.unsent(database);
            List<String> deliveries = deliveries(taken.itemsByFile().keySet());
            if (unfinished > 0 || unsent > 0 || !deliveries.stream().allMatch("UPLOADED COLLECTED"::equals)) {
                problems.add("ledger: " + deliveries + " for " + taken.itemsByFile().keySet() + ", " + unfinished
                        + " not uploaded, " + unsent + " items unsent");
            }
            if (!problems.isEmpty()) {
                failure = String.join("; ", problems);
                if (lost == 0 && duplicated == 0) {
                    lost = 1; // a ledger that disagrees with the mailbox loses the file's record
                }
            }
        }

        private List<String> deliveries(Set<String> files) throws SQLException {
            List<String> out = new ArrayList<>();
            for (String file : files) {
                try {
                    out.addAll(database.strings("select state || ' ' || coalesce(delivery, '-') from "
                            + service.schema() + ".export_file where file_name = ?", file));
                } catch (SQLException e) {
                    out.add("(no delivery recorded: " + e.getSQLState() + ")");
                }
            }
            return out;
        }

        private Path inbound() {
            return mailbox.root().resolve("in");
        }

        private void exportAll(String baseUrl, List<String> periods) {
            for (String period : periods) {
                int status = service.export(http, baseUrl, period);
                if (status >= 300 && status != 204) {
                    throw new IllegalStateException(service.module() + " export of " + period + " answered "
                            + status);
                }
            }
        }

        private void exportAllIgnoringTheKill(String baseUrl, List<String> periods) {
            try {
                exportAll(baseUrl, periods);
            } catch (IllegalStateException killed) {
                // the connection dies with the process: what the operator sees before retrying
            }
        }
    }

    private static void lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, HOLD_KEY);
            statement.execute();
        }
    }

    private static void moveFinalNames(Path from, Path to) throws IOException {
        for (String name : finalNames(from)) {
            Files.move(from.resolve(name), to.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static List<String> finalNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> InboundFileName.parse(n).isPresent())
                    .sorted().toList();
        }
    }
}
