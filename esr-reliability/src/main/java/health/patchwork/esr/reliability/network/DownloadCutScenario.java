package health.patchwork.esr.reliability.network;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.crash.WorkforceSnapshot;
import health.patchwork.esr.reliability.network.CuttingProxy.Direction;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.sandbox.simulator.GoFileWriter;
import health.patchwork.esr.sandbox.simulator.SyntheticTrust;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * The SFTP connection cut while the real outbound service downloads a full file: the service dials the mailbox
 * through a {@link CuttingProxy} that drops every connection after a random number of bytes of the download. Each
 * trial puts a new full file (the same staff, the next sequence number) in the mailbox. A trial passes when the
 * service applied that file exactly once, from its complete bytes (the ledger's SHA-256 is the file's), never
 * validated or applied a partial copy, and left the workforce data equal to a clean import's.
 */
public final class DownloadCutScenario {

    private static final String SERVICE = "outbound-rostering-service";
    private static final Duration APPLY_TIMEOUT = Duration.ofMinutes(3);
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);

    private final Path repository;
    private final Path home;
    private final int staff;
    private final Random random;

    public DownloadCutScenario(Path repository, Path home, int staff, long seed) {
        this.repository = repository;
        this.home = home;
        this.staff = staff;
        this.random = new Random(seed);
    }

    public ScenarioResult run(int trials) throws Exception {
        Files.createDirectories(home);
        SharedPostgres.Endpoint database = SharedPostgres.endpoint();
        WorkforceSnapshot.reset(database);
        SyntheticTrust trust = new SyntheticTrust("123", staff, 20261101L, FIRST_DAY);
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"));
             CuttingProxy proxy = CuttingProxy.start(mailbox.port())) {
            Map<String, String> environment = ProxiedMailbox.environment(
                    HarnessEnvironment.of(database, mailbox, "123", home), mailbox, proxy, home);
            environment.put("ESR_OUTBOUND_WORKDIR", Files.createTempDirectory(home, "outbound-work-").toString());
            // poll often, so that a trial is a retry away rather than a default 15 minutes
            environment.put("ESR_OUTBOUND_POLLINTERVAL", "1s");
            environment.put("ESR_OUTBOUND_MINFILEAGE", "1s");
            Path logs = Files.createDirectories(home.resolve("logs"));
            try (ServiceProcess service = ServiceProcess.start(repository, SERVICE, freePort(), environment, logs)) {
                proxy.measure(Direction.SERVER_TO_CLIENT);
                Path first = deliver(mailbox, trust, 1);
                awaitApplied(database, first, service);
                long cleanBytes = proxy.counted(Direction.SERVER_TO_CLIENT);
                WorkforceSnapshot clean = WorkforceSnapshot.read(database);
                if (!verdict(database, first, clean, clean).isEmpty()) {
                    throw new IllegalStateException("the clean import failed: " + verdict(database, first, clean,
                            clean));
                }
                return trials(trials, database, mailbox, trust, proxy, service, clean, cleanBytes, Files.size(first));
            }
        }
    }

    private ScenarioResult trials(int trials, SharedPostgres.Endpoint database, EmbeddedSftpServer mailbox,
            SyntheticTrust trust, CuttingProxy proxy, ServiceProcess service, WorkforceSnapshot clean,
            long cleanBytes, long fileBytes) throws Exception {
        long passed = 0;
        long lost = 0;
        long duplicated = 0;
        long midDownload = 0;
        String firstFailure = null;
        for (int trial = 0; trial < trials; trial++) {
            // aim inside the file's bytes: listings and the session set-up come before it
            long overhead = Math.max(0, cleanBytes - fileBytes);
            long cutAt = overhead + (long) ((0.05 + 0.9 * random.nextDouble()) * fileBytes);
            proxy.armCut(Direction.SERVER_TO_CLIENT, cutAt, random.nextBoolean());
            Path file = deliver(mailbox, trust, trial + 2);
            boolean applied = awaitApplied(database, file, service);
            List<String[]> rows = ledgerRows(database, file.getFileName().toString());
            midDownload += interruptedAttempts(rows) > 0 ? 1 : 0;
            WorkforceSnapshot after = WorkforceSnapshot.read(database);
            String failure = applied ? verdict(database, file, clean, after) : "not applied within " + APPLY_TIMEOUT;
            if (failure.isEmpty() && !proxy.cutDone()) {
                failure = "the cut at " + cutAt + " bytes never came";
            }
            if (failure.isEmpty()) {
                passed++;
            } else {
                lost += applied && after.tables().equals(clean.tables()) ? 0 : 1;
                duplicated += after.appliedPerFile().getOrDefault(file.getFileName().toString(), 0L) > 1
                        || after.feedRows() > clean.feedRows() ? 1 : 0;
                if (firstFailure == null) {
                    firstFailure = "trial " + trial + " (cut after " + cutAt + " bytes): " + failure;
                }
            }
        }
        return new ScenarioResult("SFTP download cut mid-transfer, outbound full file retried (" + staff
                + " staff; " + midDownload + " of " + trials + " cuts mid-download)", trials, passed, lost,
                duplicated, firstFailure);
    }

    /** ESR writes the next full file of the same staff: a new delivery that must apply once. */
    static Path deliver(EmbeddedSftpServer mailbox, SyntheticTrust trust, int sequence) {
        LocalDate day = FIRST_DAY.plusDays(sequence - 1L);
        OutboundFileName name = new OutboundFileName("123", "RST", ExtractType.FULL, day, sequence);
        return GoFileWriter.write(mailbox.root().resolve("out"), name, day.atTime(5, 0), null, day.atStartOfDay(),
                trust.snapshot());
    }

    private static boolean awaitApplied(SharedPostgres.Endpoint database, Path file, ServiceProcess service)
            throws InterruptedException {
        long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        String name = file.getFileName().toString();
        while (!WorkforceSnapshot.applied(database, name)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the outbound service stopped; see " + service.log());
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Empty when the file was applied once from its complete bytes and nothing partial got past the download. */
    static String verdict(SharedPostgres.Endpoint database, Path file, WorkforceSnapshot clean,
            WorkforceSnapshot after) throws SQLException, IOException {
        String name = file.getFileName().toString();
        String sha = sha256(file);
        for (String[] row : ledgerRows(database, name)) {
            String state = row[0];
            if (row[1] != null && !row[1].equals(sha)) {
                return "a partial copy reached the ledger as " + state;
            }
            if (!"APPLIED".equals(state) && !"DISCOVERED".equals(state)) {
                return "the file ended " + state;
            }
        }
        long applied = after.appliedPerFile().getOrDefault(name, 0L);
        if (applied != 1) {
            return "applied " + applied + " times";
        }
        if (!after.tables().equals(clean.tables()) || after.feedRows() != clean.feedRows()) {
            return "workforce data differ from a clean import: " + after + " vs " + clean;
        }
        return "";
    }

    /**
     * State, SHA-256, download attempts and last failure of every ledger row of {@code fileName}. The service reuses
     * a delivery's row for each attempt (counting them), so a download interrupted and retried is one row with two
     * attempts; a row left DISCOVERED beside the applied one is an interrupted attempt too.
     */
    static List<String[]> ledgerRows(SharedPostgres.Endpoint database, String fileName) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             PreparedStatement statement = connection.prepareStatement("select state, sha256, download_attempts,"
                     + " last_failure from workforce.file_ledger where file_name = ? order by id")) {
            statement.setString(1, fileName);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            return rows;
        }
    }

    /** Download attempts of {@code rows} that did not complete: all but the one that was applied. */
    static long interruptedAttempts(List<String[]> rows) {
        long attempts = rows.stream().mapToLong(r -> r[2] == null ? 1 : Math.max(1, Long.parseLong(r[2]))).sum();
        return Math.max(0, attempts - 1);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
