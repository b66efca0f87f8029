package health.patchwork.esr.reliability.export;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.read.InboundReader;
import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.ServiceLauncher;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * The platform changes items while an export is writing them: corrections, withdrawals and updates of timesheet
 * lines during a TA export; new dates and cancellations of absences during an AB export. Each trial posts a batch and
 * exports it (so that half the items are in ESR already), posts a second batch, then asks for the export again while
 * {@value #TRAFFIC_THREADS} platform threads send random changes to random items of both batches at random moments
 * spread over the length of the quiet export. Each item's changes are sent one after another, as the platform
 * would; what the platform believes of it after each answer is kept. Once everything has been exported, ESR's view
 * of every item is rebuilt from the files in the mailbox in sequence order (claims minus reversals; the last ADD,
 * END or DEL). A trial passes when, for every item, ESR's view equals the service's final state and the service's
 * final state equals what the platform was told: every change answered 2xx is in ESR, every refused one is not.
 */
public final class CorrectionsDuringExportScenario {

    private static final int TRAFFIC_THREADS = 4;
    /** Item ids of this scenario start here, clear of the ids other scenarios on the same service use. */
    private static final int FIRST_ID = 500_000;
    private static final int FLUSH_ROUNDS = 5;

    private final Path home;
    private final int items;
    private final int changes;
    private final Random random;
    private final ServiceLauncher launcher;
    private final HarnessHttp http = new HarnessHttp();

    /**
     * @param items items per batch (two batches a trial)
     * @param changes changes sent during each trial's export
     */
    public CorrectionsDuringExportScenario(Path repository, Path home, int items, int changes, long seed) {
        this.home = home;
        this.items = items;
        this.changes = changes;
        this.random = new Random(seed);
        this.launcher = new ServiceLauncher(repository, home);
    }

    public ScenarioResult runAttendance(int trials) throws Exception {
        return run(new AttendanceChanges(), trials);
    }

    public ScenarioResult runAbsence(int trials) throws Exception {
        return run(new AbsenceChanges(), trials);
    }

    /** The trials on a running service whose schema holds at least {@link #items} assignments. */
    ExportCrashScenario.FollowUp followingOn(int trials) {
        return (service, running) -> List.of(continueOn(service.schema().equals("attendance")
                ? new AttendanceChanges() : new AbsenceChanges(), running, trials));
    }

    private ScenarioResult run(ChangeTraffic traffic, int trials) throws Exception {
        Files.createDirectories(home);
        ExportingService service = traffic.service();
        HarnessDatabase database = new HarnessDatabase(SharedPostgres.endpoint());
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"))) {
            Map<String, String> environment = new HashMap<>(service.environment(
                    HarnessEnvironment.of(database.endpoint(), mailbox, "123", home), home));
            environment.put("ESR_" + service.schema().toUpperCase() + "_WORKDIR",
                    Files.createTempDirectory(home, service.schema() + "-work-").toString());
            database.dropSchemas(service.schema());
            PublishedContractStub.install(database, items);
            ServiceProcess process = launcher.startHealthy(service.module(), environment);
            return continueOn(traffic, new ExportCrashScenario.Running(database, mailbox, environment, process),
                    trials);
        }
    }

    /** The trials; closes the service at the end. */
    private ScenarioResult continueOn(ChangeTraffic traffic, ExportCrashScenario.Running running, int trials)
            throws Exception {
        long passed = 0;
        long lost = 0;
        long duplicated = 0;
        String firstFailure = null;
        Esr esr = new Esr(traffic, running.mailbox().root().resolve("in"));
        Counts counts = new Counts();
        try {
            esr.skipFilesSentBefore();
            String baseUrl = ServiceLauncher.baseUrl(running.process());
            for (int t = 0; t < trials; t++) {
                Trial trial = new Trial(traffic, running.database(), esr, baseUrl, FIRST_ID + t * 2 * items,
                        counts);
                trial.run();
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
        } finally {
            running.process().close();
        }
        System.out.println(traffic.service().module() + " corrections during export: " + counts);
        return new ScenarioResult("corrections during export, " + traffic.service().module() + " (" + items
                + " + " + items + " " + traffic.service().itemsName() + ", " + changes + " changes a trial)", trials,
                passed, lost, duplicated, firstFailure);
    }

    /** What the trials did, for the log: changes sent, sent while an export was in flight, refused. */
    private static final class Counts {

        final AtomicLong sent = new AtomicLong();
        final AtomicLong duringExport = new AtomicLong();
        final AtomicLong refused = new AtomicLong();

        @Override
        public String toString() {
            return sent + " changes, " + duringExport + " sent while an export was in flight, " + refused
                    + " refused out loud";
        }
    }

    /** One trial: two batches, one exported quietly, then the export of the other under change traffic. */
    private final class Trial {

        private final ChangeTraffic traffic;
        private final HarnessDatabase database;
        private final Esr esr;
        private final String baseUrl;
        private final int firstId;
        private final Counts counts;
        private final LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        private final Map<String, String> believed = new ConcurrentHashMap<>();
        private final Map<String, String> assignments = new HashMap<>();
        private long lost;
        private long duplicated;
        private String failure;

        Trial(ChangeTraffic traffic, HarnessDatabase database, Esr esr, String baseUrl, int firstId, Counts counts) {
            this.traffic = traffic;
            this.database = database;
            this.esr = esr;
            this.baseUrl = baseUrl;
            this.firstId = firstId;
            this.counts = counts;
        }

        void run() throws Exception {
            ExportingService service = traffic.service();
            post(firstId);
            long quiet = System.nanoTime();
            exportPending();
            long exportMillis = Math.max(50, (System.nanoTime() - quiet) / 1_000_000);
            post(firstId + items);

            List<List<String>> perThread = drawChanges();
            AtomicReference<String> unexpected = new AtomicReference<>();
            long[] exportWindow = new long[2];
            List<String> periods = service.pendingPeriods(database);
            Thread exporting = new Thread(() -> {
                exportWindow[0] = System.nanoTime();
                try {
                    exportAll(periods);
                } catch (RuntimeException e) {
                    unexpected.compareAndSet(null, "export during changes: " + e.getMessage());
                } finally {
                    exportWindow[1] = System.nanoTime();
                }
            }, "export");
            List<Thread> platform = new ArrayList<>();
            for (int n = 0; n < TRAFFIC_THREADS; n++) {
                List<String> ids = perThread.get(n);
                Random own = new Random(random.nextLong());
                platform.add(new Thread(() -> send(ids, own, exportMillis, exporting, exportWindow, unexpected),
                        "platform-" + n));
            }
            exporting.start();
            platform.forEach(Thread::start);
            exporting.join();
            for (Thread thread : platform) {
                thread.join();
            }
            if (unexpected.get() != null) {
                failure = unexpected.get();
                lost = 1;
                return;
            }
            flush();
            check();
        }

        private void post(int from) {
            int i = 0;
            // the ids come back in posting order: the i-th is on assignment i
            for (String id : traffic.service().post(http, baseUrl, items, day, from)) {
                believed.put(id, traffic.posted(day));
                assignments.put(id, PublishedContractStub.assignmentNumber(i++));
            }
        }

        /**
         * The changes, as item ids in the order each platform thread sends them: half as many items as changes, of
         * both batches, each item on one thread only (so that its changes follow one another).
         */
        private List<List<String>> drawChanges() {
            List<String> ids = new ArrayList<>(believed.keySet());
            ids.sort(Comparator.naturalOrder());
            Collections.shuffle(ids, random);
            List<String> targets = ids.subList(0, Math.max(1, Math.min(ids.size(), changes / 2)));
            List<List<String>> perThread = new ArrayList<>();
            for (int n = 0; n < TRAFFIC_THREADS; n++) {
                perThread.add(new ArrayList<>());
            }
            for (int c = 0; c < changes; c++) {
                int target = c < targets.size() ? c : random.nextInt(targets.size());
                perThread.get(target % TRAFFIC_THREADS).add(targets.get(target));
            }
            perThread.forEach(list -> Collections.shuffle(list, random));
            return perThread;
        }

        /** One platform thread: its changes at random moments over about twice the quiet export's length. */
        private void send(List<String> ids, Random own, long exportMillis, Thread exporting, long[] window,
                AtomicReference<String> unexpected) {
            try {
                Thread.sleep(own.nextInt((int) Math.max(1, exportMillis / 2)));
                long gap = Math.max(1, 2 * exportMillis / Math.max(1, ids.size()));
                for (String id : ids) {
                    Thread.sleep(own.nextLong(gap));
                    boolean inFlight = exporting.isAlive() && window[0] != 0;
                    ChangeTraffic.Answer answer = traffic.change(http, baseUrl, id, assignments.get(id),
                            believed.get(id), day, own);
                    believed.put(id, answer.believed());
                    counts.sent.incrementAndGet();
                    if (inFlight) {
                        counts.duringExport.incrementAndGet();
                    }
                    if (answer.refused()) {
                        counts.refused.incrementAndGet();
                    }
                }
            } catch (ChangeTraffic.UnexpectedAnswer | IllegalStateException e) {
                unexpected.compareAndSet(null, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Exports until nothing is left unsent: the reversals and claims the changes queued go out too. */
        private void flush() throws Exception {
            for (int round = 0; round < FLUSH_ROUNDS && traffic.service().unsent(database) > 0; round++) {
                exportPending();
            }
        }

        private void exportPending() throws Exception {
            exportAll(traffic.service().pendingPeriods(database));
        }

        private void exportAll(List<String> periods) {
            for (String period : periods) {
                int status = traffic.service().export(http, baseUrl, period);
                if (status >= 300 && status != 204) {
                    throw new IllegalStateException(traffic.service().module() + " export of " + period
                            + " answered " + status);
                }
            }
        }

        private void check() throws Exception {
            esr.readNewFiles();
            Map<String, String> service = traffic.inService(database);
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, String> item : new TreeMap<>(believed).entrySet()) {
                String id = item.getKey();
                String told = item.getValue();
                String held = service.get(id);
                String inEsr = esr.state(id);
                if (held != null && held.equals(told) && inEsr.equals(traffic.inEsr(held))) {
                    continue;
                }
                String expected = traffic.inEsr(told);
                if (more(inEsr, expected)) {
                    duplicated++;
                } else {
                    lost++;
                }
                if (problems.size() < 3) {
                    problems.add(id + ": platform told " + told + ", service holds " + held + ", ESR holds " + inEsr);
                }
            }
            long unsent = traffic.service().unsent(database);
            long unfinished = database.count("select count(*) from " + traffic.service().schema()
                    + ".export_file where state <> 'UPLOADED'");
            if (unsent > 0 || unfinished > 0) {
                problems.add(unsent + " items unsent and " + unfinished + " files not uploaded after "
                        + FLUSH_ROUNDS + " exports");
                lost += lost + duplicated == 0 ? 1 : 0;
            }
            if (!problems.isEmpty()) {
                failure = (lost + duplicated) + " items differ, e.g. " + String.join("; ", problems);
            }
        }

        /** Whether ESR holds more than it should: anything where nothing should be, or more hours. */
        private static boolean more(String inEsr, String expected) {
            if (ChangeTraffic.NOTHING.equals(expected)) {
                return !ChangeTraffic.NOTHING.equals(inEsr);
            }
            if (ChangeTraffic.NOTHING.equals(inEsr)) {
                return false;
            }
            try {
                return new BigDecimal(inEsr).compareTo(new BigDecimal(expected)) > 0;
            } catch (NumberFormatException notAnAmount) {
                return false; // different dates or hours of an absence: a change that did not reach ESR
            }
        }
    }

    /**
     * ESR's side: every file that reached the mailbox's inbound folder under a final name, applied once each in
     * sequence order.
     */
    private static final class Esr {

        private final ChangeTraffic traffic;
        private final Path inbound;
        private final Set<String> applied = new HashSet<>();
        private final Map<String, String> states = new HashMap<>();

        Esr(ChangeTraffic traffic, Path inbound) {
            this.traffic = traffic;
            this.inbound = inbound;
        }

        /** Files of earlier scenarios on the same service carry other items: never read. */
        void skipFilesSentBefore() throws IOException {
            finalNames().forEach(name -> applied.add(name.format()));
        }

        void readNewFiles() throws IOException {
            for (InboundFileName name : finalNames()) {
                if (applied.add(name.format())) {
                    try (InputStream in = Files.newInputStream(inbound.resolve(name.format()));
                         InboundReader reader = new InboundReader(in)) {
                        for (InboundRecord row = reader.next(); row != null; row = reader.next()) {
                            traffic.apply(row, states);
                        }
                    }
                }
            }
        }

        String state(String id) {
            return states.getOrDefault(id, ChangeTraffic.NOTHING);
        }

        private List<InboundFileName> finalNames() throws IOException {
            try (Stream<Path> files = Files.list(inbound)) {
                return files.map(p -> InboundFileName.parse(p.getFileName().toString()))
                        .flatMap(Optional::stream)
                        .sorted(Comparator.comparingLong(InboundFileName::sequence)).toList();
            }
        }
    }
}
