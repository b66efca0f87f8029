package health.patchwork.esr.reliability.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeoutException;

import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessEnvironment;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.reliability.ServiceLauncher;
import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;
import health.patchwork.esr.sandbox.webhook.WebhookReceiver;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * kill -9 of the dispatcher mid-delivery: the real outbound service publishes webhooks as it applies GO files (its
 * leader's dispatcher sends them, one at a time per endpoint) to a {@link RecordingReceiver} that holds one of the
 * trial's requests unanswered; while it is held the harness kills the service with SIGKILL, then starts it again
 * on the same database and mailbox. Half the trials kill it while the request still waits for its answer (the
 * receiver never takes it: it must come again), half just after the receiver answered 204 (the receiver took it,
 * and the service may die before it records that). A trial passes when every event the outbox holds for the trial
 * (the {@code notification_event} rows of the service's schema) was taken by the receiver at least once, with a
 * valid signature, the events of each entity first taken in the order they were published, no delivery DEAD, and
 * the trial's GO files applied exactly once. Events taken more than once are counted, not failed: delivery is at
 * least once, and the receiver drops a repeat by its {@code webhook-id}.
 */
public final class DispatcherCrashScenario {

    /** What makes a trial's events: the service's own work, started by the harness. */
    public interface Publisher {
        /** Makes the service publish the trial's events; at least {@link #fewestEvents()} of them. */
        void publish(int trial) throws Exception;

        /** The fewest events one trial's {@link #publish} makes: the held request is one of these. */
        int fewestEvents();

        /** Waits until the service has done the trial's work (its files applied); empty then, else what is not. */
        String awaitDone(int trial) throws Exception;

        /** Empty when the service did the trial's work exactly once (each file applied once); else what is wrong. */
        String verdict(int trial) throws Exception;

        /** How the trial's events are made, for the table's row. */
        String describe();
    }

    /** Trials of a run, the test suite's and the full size alike; each costs one service start. */
    public static final int TRIALS = 20;
    /** The synthetic Trust's staff: a few changes a day, so a trial is its restart more than its import. */
    public static final int STAFF = 200;
    /** Change files a trial puts in the mailbox at once. */
    public static final int FILES_PER_TRIAL = 3;

    private static final String SERVICE = "outbound-rostering-service";
    private static final String SCHEMA = "workforce";
    private static final Duration HOLD_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private final Path repository;
    private final Path home;
    private final Path logs;
    private final Random random;

    public DispatcherCrashScenario(Path repository, Path home, long seed) {
        this.repository = repository;
        this.home = home;
        this.logs = home.resolve("logs");
        this.random = new Random(seed);
    }

    /** The environment every start of the service gets: the harness's, and webhooks to the receiver. */
    static Map<String, String> environment(Map<String, String> harness, RecordingReceiver receiver, String secret) {
        Map<String, String> environment = new HashMap<>(harness);
        environment.putAll(SandboxRuntime.webhookEnvironment(receiver.url(), secret));
        // a trial is a restart and a redelivery, not a wait: look for due deliveries often, retry soon
        environment.put("ESR_NOTIFICATIONS_DISPATCHINTERVAL", "100ms");
        environment.put("ESR_NOTIFICATIONS_FIRSTRETRY", "100ms");
        environment.put("ESR_NOTIFICATIONS_MAXRETRYDELAY", "1s");
        // the harness, not the client's timeout, ends a held request
        environment.put("ESR_NOTIFICATIONS_TIMEOUT", "60s");
        return environment;
    }

    /**
     * Runs the trials on one database, mailbox and receiver; {@code publisher} is made for them by
     * {@code publishers} once the mailbox and database exist.
     */
    public ScenarioResult run(int trials, PublisherFactory publishers) throws Exception {
        Files.createDirectories(home);
        SharedPostgres.Endpoint endpoint = SharedPostgres.endpoint();
        HarnessDatabase database = new HarnessDatabase(endpoint);
        database.dropSchemas(SCHEMA);
        String secret = WebhookReceiver.newSecret();
        try (EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"));
             RecordingReceiver receiver = RecordingReceiver.start(secret)) {
            Map<String, String> environment = environment(HarnessEnvironment.of(endpoint, mailbox, "123", home),
                    receiver, secret);
            environment.put("ESR_OUTBOUND_WORKDIR", Files.createTempDirectory(home, "outbound-work-").toString());
            // a trial's files are picked up at once, not after the production 15 minutes; GoFileWriter moves a
            // file into /out only when complete, so it needs no time to settle
            environment.put("ESR_OUTBOUND_POLLINTERVAL", "250ms");
            environment.put("ESR_OUTBOUND_MINFILEAGE", "0s");
            Publisher publisher = publishers.create(database, mailbox, environment);
            ServiceLauncher launcher = new ServiceLauncher(repository, home);
            Trials outcome = new Trials();
            ServiceProcess service = launcher.startHealthy(SERVICE, environment);
            try {
                // a first round undisturbed: the service is leader and its dispatcher idle before trial one
                publisher.publish(0);
                String clean = publisher.awaitDone(0) + awaitDelivered(database, 0, service);
                if (!clean.isEmpty() || !publisher.verdict(0).isEmpty()) {
                    throw new IllegalStateException("the undisturbed round failed: " + clean + " "
                            + publisher.verdict(0));
                }
                for (int trial = 1; trial <= trials; trial++) {
                    service = trial(trial, service, environment, database, receiver, publisher, outcome);
                }
            } finally {
                service.close();
            }
            return outcome.result(publisher.describe(), trials);
        }
    }

    /** Makes the trials' publisher once the scenario's database, mailbox and service environment exist. */
    @FunctionalInterface
    public interface PublisherFactory {
        Publisher create(HarnessDatabase database, EmbeddedSftpServer mailbox, Map<String, String> environment)
                throws Exception;
    }

    private ServiceProcess trial(int trial, ServiceProcess service, Map<String, String> environment,
            HarnessDatabase database, RecordingReceiver receiver, Publisher publisher, Trials outcome)
            throws Exception {
        long before = lastEventRow(database);
        int receiptsBefore = receiver.receipts().size();
        boolean answerFirst = random.nextBoolean();
        int nth = 1 + random.nextInt(publisher.fewestEvents());
        receiver.holdRequest(nth);
        publisher.publish(trial);
        RecordingReceiver.Held held;
        try {
            held = receiver.awaitHeld(HOLD_TIMEOUT);
        } catch (TimeoutException e) {
            outcome.failed(trial, "request " + nth + " of the trial never came within " + HOLD_TIMEOUT, 1);
            return service;
        }
        if (answerFirst) {
            held.answer();
            service.kill();
        } else {
            service.kill();
            held.abandon();
        }
        long killed = System.nanoTime();
        // not waiting for health: what the trial waits for is in the database, and a service that dies says so
        service = ServiceProcess.start(repository, SERVICE, freePort(), environment, logs);
        String done = publisher.awaitDone(trial);
        String delivery = awaitDelivered(database, before, service);
        outcome.recovered((System.nanoTime() - killed) / 1_000_000);
        outcome.killed(answerFirst);

        List<String> problems = new ArrayList<>();
        if (!done.isEmpty()) {
            problems.add(done);
        }
        if (!delivery.isEmpty()) {
            problems.add(delivery);
        }
        String work = publisher.verdict(trial);
        if (!work.isEmpty()) {
            problems.add(work);
        }
        Check check = check(database, before, receiver.receipts(), receiptsBefore, held.webhookId());
        problems.addAll(check.problems());
        outcome.events += check.events();
        outcome.duplicatedEvents += check.duplicated();
        if (problems.isEmpty()) {
            outcome.passed++;
        } else {
            outcome.failed(trial, (answerFirst ? "killed just after the answer to " : "killed while awaiting the"
                    + " answer to ") + "request " + nth + ": " + String.join("; ", problems), check.lost());
        }
        return service;
    }

    /** What the receiver took of the trial's events, against the outbox. */
    record Check(long events, long lost, long duplicated, List<String> problems) {
    }

    static Check check(HarnessDatabase database, long before, List<RecordingReceiver.Receipt> receipts,
            int receiptsBefore, String heldId) throws SQLException {
        List<String> problems = new ArrayList<>();
        // every event of the trial in publish order, with its entity
        List<String> ids = database.strings("select event_id from " + SCHEMA + ".notification_event where id > ?"
                + " order by id", before);
        List<String> entities = database.strings("select entity from " + SCHEMA + ".notification_event"
                + " where id > ? order by id", before);
        Map<String, Integer> firstTaken = new HashMap<>();
        Map<String, Integer> timesTaken = new HashMap<>();
        for (int i = receiptsBefore; i < receipts.size(); i++) {
            RecordingReceiver.Receipt receipt = receipts.get(i);
            if (!receipt.signed()) {
                problems.add("a request without a valid signature (" + receipt.webhookId() + ")");
                continue;
            }
            if (receipt.taken()) {
                firstTaken.putIfAbsent(receipt.webhookId(), i);
                timesTaken.merge(receipt.webhookId(), 1, Integer::sum);
            }
        }
        if (!ids.contains(heldId)) {
            problems.add("the held request " + heldId + " is no event of the trial's outbox");
        }
        long lost = ids.stream().filter(id -> !firstTaken.containsKey(id)).count();
        if (lost > 0) {
            problems.add(lost + " of " + ids.size() + " events never taken, first "
                    + ids.stream().filter(id -> !firstTaken.containsKey(id)).findFirst().orElseThrow());
        }
        long unknown = timesTaken.keySet().stream().filter(id -> !ids.contains(id)).count();
        if (unknown > 0) {
            problems.add(unknown + " events taken that the trial's outbox does not hold");
        }
        Map<String, Integer> lastPerEntity = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Integer at = firstTaken.get(ids.get(i));
            if (at == null) {
                continue;
            }
            Integer previous = lastPerEntity.put(entities.get(i), at);
            if (previous != null && previous > at) {
                problems.add("entity " + entities.get(i) + ": " + ids.get(i) + " taken before an event published"
                        + " earlier");
            }
        }
        long duplicated = timesTaken.values().stream().filter(times -> times > 1).count();
        return new Check(ids.size(), lost, duplicated, problems);
    }

    /**
     * Waits until the outbox has events after row {@code before} and every delivery is DELIVERED. Empty when so;
     * else what is left.
     */
    private static String awaitDelivered(HarnessDatabase database, long before, ServiceProcess service)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (true) {
            long events = countOrZero(database, "select count(*) from " + SCHEMA + ".notification_event where id > ?",
                    before);
            long open = countOrZero(database, "select count(*) from " + SCHEMA + ".notification_delivery"
                    + " where state <> 'DELIVERED'");
            long dead = countOrZero(database, "select count(*) from " + SCHEMA + ".notification_delivery"
                    + " where state = 'DEAD'");
            if (dead > 0) {
                return dead + " deliveries DEAD";
            }
            if (events > 0 && open == 0) {
                return "";
            }
            if (!service.isAlive()) {
                return "the service stopped; see " + service.log();
            }
            if (System.nanoTime() > deadline) {
                return events + " events, " + open + " deliveries not DELIVERED after " + DELIVERY_TIMEOUT;
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long lastEventRow(HarnessDatabase database) throws SQLException {
        return database.count("select coalesce(max(id), 0) from " + SCHEMA + ".notification_event");
    }

    /** Zero while the service has not yet made its schema. */
    private static long countOrZero(HarnessDatabase database, String sql, Object... parameters) {
        try {
            return database.count(sql, parameters);
        } catch (SQLException notYet) {
            return 0;
        }
    }

    /** The tallies of a run. */
    private static final class Trials {
        long passed;
        long lost;
        long events;
        long duplicatedEvents;
        long answeredFirst;
        long awaitingAnswer;
        final List<Long> recoveries = new ArrayList<>();
        String firstFailure;

        void killed(boolean answerFirst) {
            if (answerFirst) {
                answeredFirst++;
            } else {
                awaitingAnswer++;
            }
        }

        void recovered(long millis) {
            recoveries.add(millis);
        }

        void failed(int trial, String why, long lostEvents) {
            lost += lostEvents;
            if (firstFailure == null) {
                firstFailure = "trial " + trial + ": " + why;
            }
        }

        ScenarioResult result(String publisher, int trials) {
            List<Long> sorted = recoveries.stream().sorted().toList();
            String recovery = sorted.isEmpty() ? "" : String.format("; all delivered %.1f s (median), %.1f s (max)"
                    + " after the kill, restart included", sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0);
            return ScenarioResult.atLeastOnce("kill -9 of the outbound service's dispatcher mid-delivery ("
                    + publisher + "; " + events + " events; " + awaitingAnswer + " killed awaiting the answer, "
                    + answeredFirst + " just after it; " + duplicatedEvents + " events delivered twice" + recovery
                    + ")", trials, passed, lost, duplicatedEvents, firstFailure);
        }
    }
}
