package health.patchwork.esr.outbound.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.formats.validate.OutboundFileValidator;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LedgerState;
import health.patchwork.esr.formats.validate.SequenceDecision;
import health.patchwork.esr.formats.validate.SequencePolicy;
import health.patchwork.esr.formats.validate.SequenceState;
import health.patchwork.esr.outbound.sequence.SequenceStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validates an uploaded file and applies it inside a transaction that is always rolled back: the report, the
 * sequence decision, the threshold figures and the changes it would make, with nothing committed (not even its
 * ledger row). It never holds up an import: it only tries the apply lock, and an import that needs the lock ends the
 * dry run's session ({@link ApplyLock}); either way it ends in {@link DryRunGaveWayException}.
 */
@Component
public class DryRun {

    private static final int MAX_LISTED_CHANGES = 1000;

    private final OutboundValidationOptions validationOptions;
    private final SequenceStore sequence;
    private final FileLedger ledger;
    private final FileApplier applier;
    private final TransactionTemplate transactions;
    private final WorkforceMerger merger;

    public DryRun(OutboundValidationOptions validationOptions, SequenceStore sequence, FileLedger ledger,
                  FileApplier applier, TransactionTemplate transactions, WorkforceMerger merger) {
        this.validationOptions = validationOptions;
        this.sequence = sequence;
        this.ledger = ledger;
        this.applier = applier;
        this.transactions = transactions;
        this.merger = merger;
    }

    /**
     * @param decision the sequence rules' verdict, null when the file is invalid
     * @param applied what the apply did before the rollback, null when the file is invalid
     */
    public record Result(ValidationReport report, SequenceDecision decision, FileApplier.Result applied,
                         List<Change> changes, boolean truncated) {
    }

    public record Change(String entityType, String entityId, String change) {
    }

    private static java.io.InputStream open(Path file) {
        try {
            return java.nio.file.Files.newInputStream(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Result run(Path file, String fileName) {
        SequenceState state = sequence.read();
        ValidationReport report = new OutboundFileValidator(
                validationOptions.withLastAppliedRunDate(state.lastRunDate())).validate(open(file), fileName);
        Optional<OutboundFileName> name = OutboundFileName.parse(fileName);
        if (!report.isValid() || name.isEmpty()) {
            return new Result(report, null, null, List.of(), false);
        }
        SequenceDecision decision = SequencePolicy.classify(name.get(), state, false);
        try {
            return preview(file, fileName, report, name.get(), decision);
        } catch (RuntimeException e) {
            if (sessionEndedByAnImport(e)) {
                throw new DryRunGaveWayException("an import needed the apply lock and ended this dry run");
            }
            throw e;
        }
    }

    /**
     * {@link ApplyLock} ends a dry run's session with pg_terminate_backend, which the server reports as SQLSTATE
     * 57P01 (admin_shutdown); if that fails the statement and then the rollback (on the closed connection) fails too,
     * the first failure is the transaction's application exception.
     */
    private static boolean sessionEndedByAnImport(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57P01".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.springframework.transaction.TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && sessionEndedByAnImport(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private Result preview(Path file, String fileName, ValidationReport report, OutboundFileName name,
                           SequenceDecision decision) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            long id = ledger.register(fileName, "FROM_ESR", name.isFull() ? "FULL" : "CHANGE",
                    name.sequence(), LedgerState.VALIDATED, "DRY_RUN");
            var entry = ledger.find(id).orElseThrow();
            entry = new health.patchwork.esr.outbound.ledger.LedgerEntry(entry.id(), entry.fileName(),
                    entry.direction(), entry.sha256(), entry.sizeBytes(), entry.extractType(), entry.sequenceNumber(),
                    entry.state(), entry.outcome(), report.header().runDate(), report.header().previousRunDate(),
                    file.toString(), null, false, 0, entry.discoveredAt(), entry.updatedAt(), null, 0, null, null);
            // the threshold is reported, not enforced, so that the diff of a suspicious file can be inspected
            FileApplier.Result applied = applier.apply(entry, file, false, false);
            List<Change> changes = merger.changesOf(id, MAX_LISTED_CHANGES + 1);
            return new Result(report, decision, applied, changes.stream().limit(MAX_LISTED_CHANGES).toList(),
                    changes.size() > MAX_LISTED_CHANGES);
        });
    }
}
