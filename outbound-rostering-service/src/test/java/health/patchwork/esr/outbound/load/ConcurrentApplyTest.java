package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import health.patchwork.esr.outbound.GoFile;
import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LedgerEntry;
import health.patchwork.esr.outbound.ledger.LedgerState;
import health.patchwork.esr.outbound.ledger.LocalStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/**
 * Two instances on one file at once: the leader's processing of an unfinished file on one, an operator's approve,
 * reject or reprocess on another, both against one database and one work volume (the README's advice for several
 * instances). The second instance is a second {@link FileProcessor} built from this context's beans, as another
 * process would build its own. The race is made exact, not timed: the test holds the apply lock, so that the first
 * step waits right where it is about to apply; the other step is started then, and the lock is released once it
 * has either stood aside or is waiting too. Each file must be applied exactly once, with nothing failing.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentApplyTest extends OutboundTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    FileProcessor leader;
    @Autowired
    FileApplier applier;
    @Autowired
    FileLedger ledger;
    @Autowired
    LocalStore store;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    FileProcessor otherInstance;
    ExecutorService threads;
    Connection applyLockHolder;

    @BeforeEach
    void otherInstance() {
        otherInstance = context.getAutowireCapableBeanFactory().createBean(FileProcessor.class);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() throws Exception {
        releaseApplyLock();
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Test
    void twoAppliersOfOneValidatedFileApplyItOnce() throws Exception {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        long id = downloaded(GOC_42);
        ledger.release(id, "validated");
        jdbc.update("update file_ledger set run_date = timestamp '2026-11-02 00:00' where id = ?", id);
        LedgerEntry entry = ledger.find(id).orElseThrow();
        Path file = Path.of(entry.localPath());

        holdApplyLock();
        CompletableFuture<FileApplier.Result> first = run(() -> applier.apply(entry, file, true, true));
        awaitWaitingForApplyLock(1);
        CompletableFuture<FileApplier.Result> second = run(() -> applier.apply(entry, file, true, true));
        awaitWaitingForApplyLock(2);
        releaseApplyLock();

        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);
        assertThat(appliedEvents(id)).as("times the file was applied").isEqualTo(1);
        assertThat(count("select last_seq from sequence_state")).isEqualTo(42);
    }

    @Test
    void anApprovalOnOneInstanceAndTheLeadersPollOnAnotherApplyTheHeldFileOnce(CapturedOutput output)
            throws Exception {
        long id = heldByThreshold();

        holdApplyLock();
        CompletableFuture<LedgerState> approval = run(() -> otherInstance.approve(id));
        awaitWaitingForApplyLock(1);
        CompletableFuture<Void> poll = run(() -> {
            leader.processUnfinished();
            return null;
        });
        await().atMost(PATIENCE).until(() -> poll.isDone() || waitingForApplyLock() == 2);
        releaseApplyLock();

        assertThat(approval.get(60, TimeUnit.SECONDS)).isEqualTo(LedgerState.APPLIED);
        poll.get(60, TimeUnit.SECONDS);
        assertAppliedOnceAndArchived(id, output);
        assertThat(count("select count(*) from person where record_status = 'ENDED_BY_REFRESH'")).isEqualTo(25);
    }

    @Test
    void aReprocessOnOneInstanceAndTheLeadersPollOnAnotherApplyTheFileOnce(CapturedOutput output) throws Exception {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        long id = downloaded(GOC_42);
        // quarantined earlier (say, by a setting since corrected): an operator asks for it to be processed again
        LedgerEntry entry = ledger.find(id).orElseThrow();
        Path quarantined = store.quarantine(Path.of(entry.localPath()), "{\"outcome\":\"REJECTED_BY_OPERATOR\"}");
        ledger.moved(id, quarantined.toString(), null);
        ledger.quarantine(id, "REJECTED_BY_OPERATOR", "rejected by an operator");

        holdApplyLock();
        CompletableFuture<LedgerState> reprocess = run(() -> otherInstance.reprocess(id));
        awaitWaitingForApplyLock(1);
        CompletableFuture<Void> poll = run(() -> {
            leader.processUnfinished();
            return null;
        });
        await().atMost(PATIENCE).until(() -> poll.isDone() || waitingForApplyLock() == 2);
        releaseApplyLock();

        assertThat(reprocess.get(60, TimeUnit.SECONDS)).isEqualTo(LedgerState.APPLIED);
        poll.get(60, TimeUnit.SECONDS);
        assertAppliedOnceAndArchived(id, output);
        assertThat(count("select last_seq from sequence_state")).isEqualTo(42);
    }

    @Test
    void aRejectionWhileAnotherInstanceIsApplyingTheApprovedFileIsRefusedAndTheApplyCompletes(CapturedOutput output)
            throws Exception {
        long id = heldByThreshold();

        holdApplyLock();
        CompletableFuture<LedgerState> approval = run(() -> leader.approve(id));
        awaitWaitingForApplyLock(1);
        // refused: the file is being worked on (and, once the approval has moved it on, no longer held either)
        assertThatThrownBy(() -> otherInstance.reject(id)).isInstanceOf(IllegalStateException.class);
        releaseApplyLock();

        assertThat(approval.get(60, TimeUnit.SECONDS)).isEqualTo(LedgerState.APPLIED);
        assertAppliedOnceAndArchived(id, output);
        assertThat(ledgerOutcome(name(id))).isEqualTo("APPLIED/APPLIED");
    }

    /** A baseline of 30 people, then a full file that would end 25 of them: held for an operator. */
    private long heldByThreshold() {
        GoFile baseline = fullWith(10, "20261101", 30);
        mailbox.deliver(baseline.name(), baseline.content());
        mailbox.poll();
        GoFile massLeaver = fullWith(11, "20261102", 5);
        mailbox.deliver(massLeaver.name(), massLeaver.content());
        mailbox.poll();
        assertThat(ledgerOutcome(massLeaver.name())).isEqualTo("HELD/HELD_THRESHOLD");
        return count("select id from file_ledger where file_name = ?", massLeaver.name());
    }

    private static GoFile fullWith(long sequence, String date, int persons) {
        GoFile file = GoFile.full(sequence, date);
        for (int p = 1; p <= persons; p++) {
            file.person(p);
        }
        return file;
    }

    /** Delivered and downloaded, not processed: two listings, as a file is taken once its size is stable. */
    private long downloaded(String name) {
        mailbox.deliverSample(name);
        pickup.downloadReady();
        pickup.downloadReady();
        long id = count("select id from file_ledger where file_name = ?", name);
        assertThat(ledger.find(id).orElseThrow().state()).isEqualTo(LedgerState.DOWNLOADED);
        return id;
    }

    private void assertAppliedOnceAndArchived(long id, CapturedOutput output) {
        assertThat(appliedEvents(id)).as("times the file was applied").isEqualTo(1);
        LedgerEntry entry = ledger.find(id).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.APPLIED);
        assertThat(entry.localPath()).isNull();
        assertThat(Path.of(entry.archivePath())).exists();
        assertThat(output.getAll()).as("no step failed").doesNotContain("Processing " + entry.fileName() + " failed");
    }

    private long appliedEvents(long id) {
        return count("select count(*) from file_ledger_event where file_id = ? and state = 'APPLIED'", id);
    }

    private String name(long id) {
        return ledger.find(id).orElseThrow().fileName();
    }

    private <T> CompletableFuture<T> run(java.util.concurrent.Callable<T> step) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return step.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, threads);
    }

    private void holdApplyLock() throws SQLException {
        applyLockHolder = dataSource.getConnection();
        try (PreparedStatement statement = applyLockHolder.prepareStatement("select pg_advisory_lock(?)")) {
            statement.setLong(1, FileApplier.APPLY_LOCK);
            statement.execute();
        }
    }

    private void releaseApplyLock() throws SQLException {
        if (applyLockHolder != null) {
            try (PreparedStatement statement = applyLockHolder.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, FileApplier.APPLY_LOCK);
                statement.execute();
            }
            applyLockHolder.close();
            applyLockHolder = null;
        }
    }

    private void awaitWaitingForApplyLock(int waiters) {
        await().atMost(PATIENCE).until(() -> waitingForApplyLock() == waiters);
    }

    /** Sessions waiting for the apply lock (the one-key form: pg_locks' classid and objid halves, objsubid 1). */
    private long waitingForApplyLock() {
        return count("select count(*) from pg_locks where locktype = 'advisory' and not granted and objsubid = 1"
                + " and classid = ?::oid and objid = ?::oid", FileApplier.APPLY_LOCK >>> 32,
                FileApplier.APPLY_LOCK & 0xffffffffL);
    }
}
