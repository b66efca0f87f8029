package health.patchwork.esr.reliability.duplicates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.ServiceLauncher;
import health.patchwork.esr.reliability.crash.WorkforceSnapshot;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.sandbox.simulator.GoFileWriter;
import health.patchwork.esr.sandbox.simulator.SyntheticTrust;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * The same full file delivered ten times to the real outbound service: once, then again under its own name after
 * pickup (a new modification time, as when ESR re-sends) and as renamed copies (valid names of the Trust's grammar
 * with a later date and sequence), at random moments and in random order. A trial passes when the ledger shows the
 * content applied once and every other delivery as a duplicate, and the workforce tables and change feed equal
 * what the single import left.
 */
public final class DuplicateDeliveryScenario {

    private static final String SERVICE = "outbound-rostering-service";
    private static final int DELIVERIES = 10;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(4);
    private static final OutboundFileName ORIGINAL =
            new OutboundFileName("123", "RST", ExtractType.FULL, LocalDate.of(2026, 11, 1), 1);

    private final Path home;
    private final int staff;
    private final Random random;
    private final ServiceLauncher launcher;

    public DuplicateDeliveryScenario(Path repository, Path home, int staff, long seed) {
        this.home = home;
        this.staff = staff;
        this.random = new Random(seed);
        this.launcher = new ServiceLauncher(repository, home);
    }

    public ScenarioResult run(int trials) throws Exception {
        Files.createDirectories(home);
        HarnessDatabase database = new HarnessDatabase(SharedPostgres.endpoint());
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"))) {
            Path outFolder = mailbox.root().resolve("out");
            Path original = writeOriginal(home.resolve("original"));
            Map<String, String> environment = HarnessEnvironment.of(database.endpoint(), mailbox, "123",
                    home);
            long passed = 0;
            long lost = 0;
            long duplicated = 0;
            String firstFailure = null;
            for (int t = 0; t < trials; t++) {
                Outcome outcome = trial(database, outFolder, original, environment);
                if (outcome.failure() == null) {
                    passed++;
                } else {
                    lost += outcome.lost();
                    duplicated += outcome.duplicated();
                    firstFailure = firstFailure == null ? outcome.failure() : firstFailure;
                }
            }
            return new ScenarioResult("one full file delivered " + DELIVERIES + " times, own name and renamed ("
                    + staff + " staff)", trials, passed, lost, duplicated, firstFailure);
        }
    }

    private record Outcome(long lost, long duplicated, String failure) {
    }

    private Outcome trial(HarnessDatabase database, Path outFolder, Path original, Map<String, String> environment)
            throws Exception {
        WorkforceSnapshot.reset(database.endpoint());
        emptyFolder(outFolder);
        Map<String, String> own = new HashMap<>(environment);
        own.put("ESR_OUTBOUND_WORKDIR", Files.createTempDirectory(home, "outbound-work-").toString());
        ServiceProcess service = launcher.startHealthy(SERVICE, own);
        try {
            deliver(original, outFolder.resolve(ORIGINAL.format()));
            awaitSettled(database, 1, service);
            // what a single import leaves: the reference every later delivery must leave untouched
            WorkforceSnapshot single = WorkforceSnapshot.read(database.endpoint());

            List<String> copies = copyPlan();
            int delivered = 1;
            for (String name : copies) {
                Thread.sleep(random.nextInt(2_500));
                deliver(original, outFolder.resolve(name));
                delivered++;
                if (name.equals(ORIGINAL.format())) {
                    // a re-upload under the same name replaces the file: it must be picked up before the next one
                    awaitSettled(database, delivered, service);
                }
            }
            awaitSettled(database, DELIVERIES, service);
            return judge(database, single);
        } finally {
            service.close();
        }
    }

    /** Nine more deliveries: three to six under the original name, the rest renamed, in random order. */
    private List<String> copyPlan() {
        int sameName = 3 + random.nextInt(4);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < DELIVERIES - 1; i++) {
            names.add(i < sameName ? ORIGINAL.format() : new OutboundFileName("123", "RST", ExtractType.FULL,
                    ORIGINAL.extractDate().plusDays(i + 1), ORIGINAL.sequence() + i + 1).format());
        }
        Collections.shuffle(names, random);
        return names;
    }

    private Outcome judge(HarnessDatabase database, WorkforceSnapshot single) throws Exception {
        WorkforceSnapshot after = WorkforceSnapshot.read(database.endpoint());
        long applied = database.count("select count(*) from workforce.file_ledger where direction = 'FROM_ESR'"
                + " and state = 'APPLIED'");
        long duplicates = database.count("select count(*) from workforce.file_ledger where direction = 'FROM_ESR'"
                + " and state = 'DUPLICATE' and outcome = 'DUPLICATE_NOOP'");
        boolean sameData = after.tables().equals(single.tables()) && after.feedRows() == single.feedRows();
        if (sameData && applied == 1 && duplicates == DELIVERIES - 1) {
            return new Outcome(0, 0, null);
        }
        List<String> outcomes = database.strings("select file_name || ' ' || state || ' ' || coalesce(outcome, '')"
                + " from workforce.file_ledger where direction = 'FROM_ESR' order by id");
        long lost = applied == 0 || !after.tables().equals(single.tables()) ? 1 : 0;
        long duplicated = Math.max(0, applied - 1) + (after.feedRows() > single.feedRows() ? 1 : 0);
        return new Outcome(lost, duplicated, "applied " + applied + ", duplicates " + duplicates + ", same data "
                + sameData + "; ledger " + outcomes);
    }

    /** Waits until the ledger has taken {@code deliveries} deliveries to an end state (applied, duplicate, ...). */
    private static void awaitSettled(HarnessDatabase database, int deliveries, ServiceProcess service)
            throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (database.count("select count(*) from workforce.file_ledger where direction = 'FROM_ESR'"
                + " and state not in ('DISCOVERED', 'DOWNLOADED', 'VALIDATED')") < deliveries) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbound service did not settle " + deliveries
                        + " deliveries; see " + service.log());
            }
            Thread.sleep(200);
        }
    }

    /** As ESR puts a file in its folder: written aside, then moved in whole, with a fresh modification time. */
    private static void deliver(Path content, Path target) throws IOException {
        Path aside = Files.createTempFile(content.getParent(), "delivery-", ".tmp");
        Files.copy(content, aside, StandardCopyOption.REPLACE_EXISTING);
        // SFTP reports whole seconds: a re-upload within the same second would look like the same delivery
        Files.setLastModifiedTime(aside, FileTime.from(Instant.now().plusSeconds(1).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)));
        Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path writeOriginal(Path folder) throws IOException {
        Files.createDirectories(folder);
        emptyFolder(folder);
        SyntheticTrust trust = new SyntheticTrust("123", staff, 20261101L, LocalDate.of(2026, 11, 1));
        GoFileWriter.write(folder, ORIGINAL, LocalDateTime.of(2026, 11, 1, 5, 0), null,
                LocalDateTime.of(2026, 11, 1, 0, 0), trust.snapshot());
        return folder.resolve(ORIGINAL.format());
    }

    private static void emptyFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}
