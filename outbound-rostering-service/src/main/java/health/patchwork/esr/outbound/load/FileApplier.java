package health.patchwork.esr.outbound.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LedgerEntry;
import health.patchwork.esr.outbound.ledger.LedgerState;
import health.patchwork.esr.outbound.sequence.SequenceStore;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one validated file in one transaction (docs/spec/README.md §6.2): stage with COPY, check the full-file threshold,
 * merge, move the sequence state and the ledger entry, and tell the platform ({@link WorkforceNotices}, {@code
 * outbound.file.applied}); a first snapshot skips staging ({@link FirstSnapshotLoad}).
 * Either all of it commits or none of it does, so a crash at any point leaves the file DOWNLOADED or VALIDATED, to
 * be applied once after a restart. Under the apply lock the ledger row is read again, so that two instances that
 * both decided to apply the same file (an operator's approve or reprocess on one, the leader's poll on another)
 * apply it once.
 */
@Component
public class FileApplier {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FileApplier.class);

    /** Advisory lock key that serialises applies, so that the change feed's order is the commit order. */
    static final long APPLY_LOCK = ApplyLock.KEY;

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final FirstSnapshotLoad firstSnapshot;
    private final StagingLoader staging;
    private final ThresholdCheck threshold;
    private final WorkforceMerger merger;
    private final SequenceStore sequence;
    private final FileLedger ledger;
    private final ApplyLock applyLock;
    private final WorkforceNotices notices;

    public FileApplier(DataSource dataSource, TransactionTemplate transactions, JdbcClient jdbc,
                       FirstSnapshotLoad firstSnapshot, StagingLoader staging, ThresholdCheck threshold,
                       WorkforceMerger merger, SequenceStore sequence, FileLedger ledger, ApplyLock applyLock,
                       WorkforceNotices notices) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.firstSnapshot = firstSnapshot;
        this.staging = staging;
        this.threshold = threshold;
        this.merger = merger;
        this.sequence = sequence;
        this.ledger = ledger;
        this.applyLock = applyLock;
        this.notices = notices;
    }

    /**
     * @param heldByThreshold the safety threshold held a full file; nothing was changed
     * @param figures the threshold figures of a full file (empty for a change file)
     * @param changes change-feed rows the merge produced, by entity type and change
     * @param superseded held change files this full file made obsolete
     * @param firstSnapshot the file was COPYed straight into empty tables ({@link FirstSnapshotLoad})
     * @param notApplied why nothing was done, read under the apply lock (the file is no longer VALIDATED, or content
     *                   like it was applied meanwhile); null when it was applied or held
     */
    public record Result(boolean heldByThreshold, List<ThresholdCheck.TypeFigures> figures,
                         List<ChangeCount> changes, List<Long> superseded, long stagedRows, boolean firstSnapshot,
                         String notApplied) {

        static Result notApplied(String why) {
            return new Result(false, List.of(), List.of(), List.of(), 0, false, why);
        }
    }

    public record ChangeCount(String entityType, String change, long count) {
    }

    /**
     * Applies the file unless, read again under the apply lock, its ledger row is no longer VALIDATED or content like
     * it was applied meanwhile: whatever {@code entry} said when the caller read it (another instance may have applied,
     * held or quarantined the file since), a file is applied once.
     *
     * @param enforceThreshold false once an operator has approved the file
     * @param commit false for a dry run: everything is done, measured, and rolled back; it gives way to imports
     *               ({@link ApplyLock}), ending in {@link DryRunGaveWayException}
     */
    public Result apply(LedgerEntry entry, Path file, boolean enforceThreshold, boolean commit) {
        long started = System.nanoTime();
        return transactions.execute(status -> {
            if (commit) {
                applyLock.takeForImport();
            } else {
                applyLock.tryForDryRun();
            }
            String notApplied = commit ? stillToApply(entry) : null;
            if (notApplied != null) {
                return Result.notApplied(notApplied);
            }
            // the merge sorts and hashes whole staged rows; with the default 4 MB a big file spills to disk. One
            // apply runs at a time, so this much server memory is spent once, for this transaction only.
            jdbc.sql("set local work_mem = '256MB'").update();
            LocalDateTime runDate = entry.runDate();
            // applies are serialised, so every feed row above this one is this file's (found by primary key)
            long feedBefore = merger.lastSeq();
            // a dry run takes the staged path: a preview must not lock the workforce tables
            FirstSnapshotLoad.Loaded first = entry.isFull() && commit ? loadFirstSnapshot(entry, file, status) : null;
            long staged;
            List<ThresholdCheck.TypeFigures> figures = List.of();
            if (first != null) {
                staged = first.rowsInFile();
                figures = first.figures();
            } else {
                staged = stage(file, entry.fileName());
                log.debug("Staged {} rows of {} in {} ms", staged, entry.fileName(), millisSince(started));
                if (entry.isFull()) {
                    figures = threshold.check();
                    if (enforceThreshold && ThresholdCheck.exceeded(figures)) {
                        status.setRollbackOnly();
                        return new Result(true, figures, List.of(), List.of(), staged, false, null);
                    }
                }
                log.debug("Threshold of {} checked at {} ms", entry.fileName(), millisSince(started));
                merger.merge(new WorkforceMerger.Merge(entry.id(), entry.fileName(),
                        runDate == null ? null : runDate.toLocalDate(), entry.isFull()));
            }
            List<Long> superseded = List.of();
            if (entry.isFull()) {
                superseded = supersedeHeld(entry);
            } else {
                sequence.changeApplied(entry.sequenceNumber(), runDate);
            }
            if (!entry.isFull()) {
                merger.keepLastChangePerEntity(feedBefore);
            }
            List<ChangeCount> changes = merger.changeCounts(feedBefore);
            if (!commit) {
                status.setRollbackOnly();
                return new Result(false, figures, changes, superseded, staged, first != null, null);
            }
            // the platform is told in this transaction: a rolled-back apply tells nothing
            long feedUpTo = merger.lastSeq();
            ledger.applied(entry.id(), millisSince(started), new FileLedger.AppliedChanges(feedBefore, feedUpTo,
                    changes.stream().map(c -> new FileLedger.ChangeTally(c.entityType(), c.change(), c.count()))
                            .toList()));
            notices.changed(entry.id(), entry.fileName(), feedBefore, feedUpTo,
                    changes.stream().mapToLong(ChangeCount::count).sum());
            return new Result(false, figures, changes, superseded, staged, first != null, null);
        });
    }

    /**
     * Null when the file is to be applied now; otherwise why not. Applies are serialised by the apply lock, so what
     * this reads (the row locked until the commit) cannot change before this transaction ends.
     */
    private String stillToApply(LedgerEntry entry) {
        LedgerState state = ledger.lockState(entry.id()).orElse(null);
        if (state != LedgerState.VALIDATED) {
            return "the ledger says " + state + " now, not " + LedgerState.VALIDATED;
        }
        return ledger.appliedWithSameContent(entry.id())
                .map(earlier -> "ledger entry " + earlier + " with the same content was applied meanwhile")
                .orElse(null);
    }

    /** The first snapshot's fast path, or null when something is held or the file repeats a key. */
    private FirstSnapshotLoad.Loaded loadFirstSnapshot(LedgerEntry entry, Path file, TransactionStatus status) {
        if (!firstSnapshot.nothingHeld()) {
            return null;
        }
        Object savepoint = status.createSavepoint();
        try {
            FirstSnapshotLoad.Loaded loaded = firstSnapshot.load(file, entry.id(), entry.fileName());
            status.releaseSavepoint(savepoint);
            return loaded;
        } catch (FirstSnapshotLoad.RepeatedKey e) {
            status.rollbackToSavepoint(savepoint);
            log.info("{} repeats a key, so it is staged and merged: {}", entry.fileName(), e.getMessage());
            return null;
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private long stage(Path file, String fileName) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return staging.load(connection, file, fileName);
        } catch (SQLException e) {
            throw new IllegalStateException("could not stage " + fileName + ": " + e.getSQLState(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * docs/spec/README.md §7.4 after a full file: held change files whose run date is not after the snapshot's become SUPERSEDED,
     * and the sequence moves to the highest of them and the full file.
     */
    private List<Long> supersedeHeld(LedgerEntry full) {
        long lastSeq = full.sequenceNumber();
        List<Long> superseded = new java.util.ArrayList<>();
        for (LedgerEntry held : ledger.heldChangeFiles()) {
            if (held.runDate() != null && full.runDate() != null && !held.runDate().isAfter(full.runDate())) {
                ledger.supersede(held.id(), full.fileName());
                superseded.add(held.id());
                lastSeq = Math.max(lastSeq, held.sequenceNumber());
            }
        }
        sequence.fullApplied(lastSeq, full.runDate());
        return superseded;
    }

    static Map<String, Long> asMap(List<ChangeCount> counts) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        counts.forEach(c -> m.merge(c.entityType() + " " + c.change(), c.count(), Long::sum));
        return m;
    }
}
