package health.patchwork.esr.reliability.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import health.patchwork.esr.reliability.service.AttendanceWorkload;
import health.patchwork.esr.reliability.service.ServiceHttp;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stopped and started under the real attendance service while the platform posts timesheet lines without
 * pause. A trial passes when the service's health (as an operator sees it) went DOWN with the database DOWN and came
 * back UP, every batch was answered 200 or a 503 problem detail (never a 500 or silence), every line answered 200 is
 * stored once, the refused batches are stored once posted again, and the export afterwards carries each of the
 * trial's lines exactly once.
 */
public final class DatabaseRestartScenario {

    private static final String SERVICE = "attendance-inbound-service";
    private static final int ASSIGNMENTS = 200;
    private static final int BATCH = 20;
    private static final Duration HEALTH_WAIT = Duration.ofSeconds(90);

    private final Path repository;
    private final Path home;
    private final Random random;

    public DatabaseRestartScenario(Path repository, Path home, long seed) {
        this.repository = repository;
        this.home = home;
        this.random = new Random(seed);
    }

    public ScenarioResult run(int trials) throws Exception {
        Files.createDirectories(home);
        try (RestartablePostgres postgres = RestartablePostgres.start(home);
             EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"))) {
            SharedPostgres.Endpoint database = postgres.endpoint();
            AttendanceWorkload.publishWorkforce(database, ASSIGNMENTS);
            Map<String, String> environment = AttendanceWorkload.withHarnessPayCodes(
                    HarnessEnvironment.of(database, mailbox, "123", home), home);
            environment.put("ESR_ATTENDANCE_WORKDIR", Files.createTempDirectory(home, "attendance-work-").toString());
            Path logs = Files.createDirectories(home.resolve("logs"));
            try (ServiceProcess service = ServiceProcess.start(repository, SERVICE, freePort(), environment, logs)) {
                SandboxRuntime.awaitHealthy(service, Duration.ofMinutes(4));
                ServiceHttp http = new ServiceHttp(service.port(), Duration.ofSeconds(90));
                AttendanceWorkload workload = new AttendanceWorkload(http, ASSIGNMENTS);
                long passed = 0;
                long lost = 0;
                long duplicated = 0;
                String firstFailure = null;
                for (int trial = 0; trial < trials; trial++) {
                    Trial result = trial(postgres, database, mailbox, http, workload, "r" + trial);
                    if (result.failure == null) {
                        passed++;
                    } else if (firstFailure == null) {
                        firstFailure = "trial " + trial + ": " + result.failure;
                    }
                    lost += result.lost;
                    duplicated += result.duplicated;
                }
                return new ScenarioResult("PostgreSQL stopped and started under the attendance service",
                        trials, passed, lost, duplicated, firstFailure);
            }
        }
    }

    private static final class Trial {
        String failure;
        long lost;
        long duplicated;
    }

    private Trial trial(RestartablePostgres postgres, SharedPostgres.Endpoint database, EmbeddedSftpServer mailbox,
            ServiceHttp http, AttendanceWorkload workload, String prefix) throws Exception {
        Trial result = new Trial();
        Set<String> filesBefore = finalNames(mailbox.resolve("/in"));
        boolean down;
        boolean up;
        LinePoster poster = new LinePoster(workload, prefix, BATCH);
        try {
            Thread.sleep(300 + random.nextInt(2_000));
            postgres.stop();
            down = awaitHealth(http, "DOWN");
            // stay down a while longer, so that posts meet the outage and not only the health probe
            Thread.sleep(2_000 + random.nextInt(6_000));
            postgres.startAgain();
            up = awaitHealth(http, "UP");
            Thread.sleep(1_000 + random.nextInt(2_000));
        } finally {
            poster.finish(30);
        }
        List<String> accepted = poster.acceptedLineIds();
        long stored = storedOnce(database, accepted);
        result.lost = accepted.size() - stored;
        if (!down) {
            result.failure = "health never reported the database DOWN";
        } else if (!up) {
            result.failure = "health did not return to UP";
        } else if (!poster.unexpected().isEmpty()) {
            result.failure = "answers other than 200 or a 503 problem: " + poster.unexpected();
        } else if (result.lost > 0) {
            result.failure = result.lost + " lines answered 200 are not stored";
        } else if (poster.refusedBatches() == 0) {
            result.failure = "no post met the outage (" + poster.postedBatches() + " batches)";
        }
        ServiceHttp.Reply export = workload.export(accepted.get(0));
        if (export.status() != 201 && result.failure == null) {
            result.failure = "export after the restart answered " + export.status() + " " + export.body();
        }
        long rows = exportedRows(mailbox.resolve("/in"), filesBefore);
        if (rows != accepted.size()) {
            result.lost += Math.max(0, accepted.size() - rows);
            result.duplicated += Math.max(0, rows - accepted.size());
            if (result.failure == null) {
                result.failure = "the export holds " + rows + " rows for " + accepted.size() + " lines";
            }
        }
        return result;
    }

    /** Polls health with an operator token (details shown) until it and its db component report {@code status}. */
    private static boolean awaitHealth(ServiceHttp http, String status) throws InterruptedException {
        long deadline = System.nanoTime() + HEALTH_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode health = http.get("/actuator/health", TestTokens.operator()).body();
            if (status.equals(health.path("status").asString(""))
                    && status.equals(health.path("components").path("db").path("status").asString(""))) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** How many of {@code lineIds} are stored, each once. */
    private static long storedOnce(SharedPostgres.Endpoint database, List<String> lineIds) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             PreparedStatement statement = connection.prepareStatement("""
                     select count(*) from (select line_id from attendance.timesheet_line where line_id = any (?)
                                           group by line_id having count(*) = 1) once""")) {
            Array ids = connection.createArrayOf("text", lineIds.toArray());
            statement.setArray(1, ids);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** ATT rows in the TA files that arrived since {@code before}; each must be valid. */
    private static long exportedRows(Path in, Set<String> before) throws IOException {
        long rows = 0;
        Set<String> added = finalNames(in);
        added.removeAll(before);
        for (String name : added) {
            ValidationReport report = new InboundFileValidator(InboundValidationOptions.forVpd("123"))
                    .validate(in.resolve(name));
            rows += report.isValid() ? report.count("ATT") : 0;
        }
        return rows;
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
