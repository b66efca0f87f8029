package health.patchwork.esr.outbound.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import health.patchwork.esr.formats.validate.OutboundFileValidator;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.FileOutcome;
import health.patchwork.esr.outbound.ledger.LedgerEntry;
import health.patchwork.esr.outbound.ledger.LedgerState;
import health.patchwork.esr.outbound.ledger.LocalCopies;
import health.patchwork.esr.outbound.ledger.LocalStore;
import health.patchwork.esr.outbound.sequence.RefreshRequester;
import health.patchwork.esr.formats.validate.SequenceDecision;
import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.validate.SequencePolicy;
import health.patchwork.esr.formats.validate.SequenceState;
import health.patchwork.esr.outbound.sequence.SequenceStore;
import health.patchwork.esr.support.logging.Redaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a downloaded file through docs/spec/README.md §6.1 checks 2–16 and applies it: duplicate by name and by SHA-256,
 * validation (quarantine on failure), sequence rules (hold, reject stale, request a refresh), the full-file
 * threshold, then the apply transaction. After a full file, the change files it did not supersede are re-run in
 * sequence order. Logs name files and outcomes only, never row content.
 * <p>
 * Every step on a file (processing it, an operator's approve, reject or reprocess) holds that file's {@link FileLocks
 * lock} and reads its ledger row again once it has it, so the leader's poll on one instance and an operator's
 * request on another never work on one file at once; {@code synchronized} does the same within one instance. The
 * apply is fenced again under the apply lock ({@link FileApplier}).
 */
@Component
public class FileProcessor {

    private static final Logger log = LoggerFactory.getLogger(FileProcessor.class);

    private final FileLedger ledger;
    private final LocalStore store;
    private final OutboundValidationOptions validationOptions;
    private final SequenceStore sequence;
    private final RefreshRequester refresh;
    private final FileApplier applier;
    private final JsonMapper json;
    private final ImportMetrics metrics;
    private final FileLocks locks;

    public FileProcessor(FileLedger ledger, LocalStore store, OutboundValidationOptions validationOptions,
                         SequenceStore sequence, RefreshRequester refresh, FileApplier applier, JsonMapper json,
                         ImportMetrics metrics, FileLocks locks) {
        this.ledger = ledger;
        this.store = store;
        this.validationOptions = validationOptions;
        this.sequence = sequence;
        this.refresh = refresh;
        this.applier = applier;
        this.json = json;
        this.metrics = metrics;
        this.locks = locks;
    }

    /**
     * Carries on with every file a previous run downloaded but did not finish, in sequence order. It stops at a file
     * another instance is working on (an operator's request there): later files wait for its outcome, at the next
     * poll, as they would wait for a file still downloading.
     */
    public synchronized void processUnfinished() {
        for (LedgerEntry entry : ledger.unfinished()) {
            try {
                process(entry.id());
            } catch (FileLocks.FileBusyException busy) {
                log.info("Leaving {} and the files after it to the next poll: {}", entry.fileName(), busy.getMessage());
                return;
            } catch (RuntimeException e) {
                // stays DOWNLOADED/VALIDATED and is retried on the next poll; a database error may quote a row,
                // so only the suite's own messages are logged
                log.error("Processing {} failed; it will be retried: {}", entry.fileName(),
                        Redaction.describe(e));
            }
        }
    }

    /** Processes one file if it is still unfinished; {@link FileLocks.FileBusyException} if another has it now. */
    public synchronized LedgerState process(long id) {
        return locks.whileHeld(id, () -> processHeld(id));
    }

    private LedgerState processHeld(long id) {
        LedgerEntry entry = ledger.find(id).orElseThrow();
        if (!entry.state().unfinished()) {
            return entry.state();
        }
        if (!LocalCopies.present(entry)) {
            // failing here on every poll would help no one: the delivery is downloaded again into this row
            downloadAgain(entry, LedgerState.DOWNLOADED, LedgerState.VALIDATED);
            return LedgerState.DISCOVERED;
        }
        long started = System.nanoTime();
        // the file's log lines name it (MDC key "file", in the structured log formats)
        try (MDC.MDCCloseable named = MDC.putCloseable("file", entry.fileName())) {
            LedgerState outcome = processUnfinished(entry);
            metrics.processed(entry, outcome, Duration.ofNanos(System.nanoTime() - started));
            return outcome;
        }
    }

    private LedgerState processUnfinished(LedgerEntry entry) {
        long id = entry.id();
        Path file = Path.of(entry.localPath());
        if (ledger.sameNameOtherContent(entry.fileName(), entry.sha256(), id).isPresent()) {
            return quarantine(entry, file, FileOutcome.REJECTED_DUPLICATE_NAME_CHANGED.name(), null,
                    "a file of this name with other content was received before");
        }
        var earlier = ledger.sameContent(entry.sha256(), id);
        if (earlier.isPresent()) {
            ledger.duplicate(id, earlier.get().id());
            archive(entry, file);
            return LedgerState.DUPLICATE;
        }
        SequenceState state = sequence.read();
        ValidationReport report = new OutboundFileValidator(validationOptions.withLastAppliedRunDate(state.lastRunDate()))
                .validate(open(file), entry.fileName());
        String reportJson = json.writeValueAsString(report);
        if (!recordValidation(entry, report, reportJson, LedgerState.VALIDATED)) {
            return movedOn(entry, "validated");
        }
        if (!report.isValid()) {
            return quarantine(entry, file, report.outcome().name(), reportJson, report.issues().isEmpty()
                    ? null : report.firstIssue().describe());
        }
        entry = ledger.find(id).orElseThrow();
        return decideAndApply(entry, file, state);
    }

    private LedgerState decideAndApply(LedgerEntry entry, Path file, SequenceState state) {
        SequenceDecision decision = SequencePolicy.classify(entry.isFull() ? ExtractType.FULL : ExtractType.CHANGE,
                entry.sequenceNumber(), state, false);
        if (decision == SequenceDecision.REJECTED_STALE) {
            return quarantine(entry, file, decision.outcome(), null,
                    "sequence " + entry.sequenceNumber() + " is not after the last applied " + state.lastSeq());
        }
        if (decision.held()) {
            ledger.hold(entry.id(), decision.outcome(), "last applied sequence " + state.lastSeq());
            log.warn("Holding {}: {}", entry.fileName(), decision.outcome());
            if (decision.requestsRefresh()) {
                refresh.request(decision.outcome() + " at " + entry.fileName(), false);
            } else {
                sequence.refreshNeeded();
            }
            return LedgerState.HELD;
        }
        FileApplier.Result result = applier.apply(entry, file, !entry.approved(), true);
        if (result.notApplied() != null) {
            return notApplied(entry, file, result.notApplied());
        }
        if (result.heldByThreshold()) {
            ledger.hold(entry.id(), FileOutcome.HELD_THRESHOLD.name(), json.writeValueAsString(result.figures()));
            log.warn("Holding full file {} for approval: it would end too many entities", entry.fileName());
            return LedgerState.HELD;
        }
        log.info("Applied {}: {}", entry.fileName(), FileApplier.asMap(result.changes()));
        archive(entry, file);
        if (entry.isFull()) {
            for (long superseded : result.superseded()) {
                ledger.find(superseded).ifPresent(s -> archiveIfPresent(s));
            }
            rerunHeldChangeFiles();
        }
        return LedgerState.APPLIED;
    }

    /**
     * The apply found, under its lock, that the file is no longer to be applied: it moved on meanwhile, or a file of
     * the same content was applied meanwhile, which makes this one a duplicate as the check before validation would
     * have said.
     */
    private LedgerState notApplied(LedgerEntry entry, Path file, String why) {
        LedgerEntry now = ledger.find(entry.id()).orElseThrow();
        if (now.state() == LedgerState.VALIDATED) {
            var earlier = ledger.sameContent(now.sha256(), now.id());
            if (earlier.isPresent()) {
                ledger.duplicate(now.id(), earlier.get().id());
                archive(now, file);
                return LedgerState.DUPLICATE;
            }
        }
        return movedOn(now, "applied (" + why + ")");
    }

    /** Someone else took the file on while this step was on it (only once the file's lock lapsed): leave it be. */
    private LedgerState movedOn(LedgerEntry entry, String step) {
        LedgerState now = ledger.find(entry.id()).orElseThrow().state();
        log.warn("{} was not {}: it is {} now", entry.fileName(), step, now);
        return now;
    }

    /** docs/spec/README.md §7.4 step 3: the held change files that survive a full file go through the table again, in order. */
    private void rerunHeldChangeFiles() {
        for (LedgerEntry held : ledger.heldChangeFiles()) {
            LedgerState outcome;
            try {
                outcome = locks.whileHeld(held.id(), () -> {
                    if (ledger.find(held.id()).orElseThrow().state() != LedgerState.HELD) {
                        return LedgerState.HELD; // another step moved it meanwhile: stop, the next poll goes on
                    }
                    ledger.release(held.id(), "re-run after a full file");
                    return process(held.id());
                });
            } catch (FileLocks.FileBusyException busy) {
                log.info("Leaving the re-run of held change files to the next full file or operator: {}",
                        busy.getMessage());
                break;
            }
            if (outcome == LedgerState.HELD || outcome == LedgerState.DISCOVERED) {
                break;
            }
        }
    }

    /** An operator approved a file held by the threshold: apply it without the threshold. */
    public synchronized LedgerState approve(long id) {
        return locks.whileHeld(id, () -> approveHeld(id));
    }

    private LedgerState approveHeld(long id) {
        LedgerEntry entry = ledger.find(id).orElseThrow();
        if (entry.state() != LedgerState.HELD || !FileOutcome.HELD_THRESHOLD.is(entry.outcome())) {
            throw new IllegalStateException("file " + id + " is not held by the threshold");
        }
        if (!LocalCopies.present(entry)) {
            downloadAgain(entry, LedgerState.HELD);
            throw new IllegalStateException("file " + id + " has no local copy any more: it is downloaded again at"
                    + " the next poll; approve it once it is held again");
        }
        ledger.approve(id);
        ledger.release(id, "approved by an operator");
        return decideAndApply(ledger.find(id).orElseThrow(), Path.of(entry.localPath()), sequence.read());
    }

    /** An operator rejected a held file. */
    public synchronized LedgerState reject(long id) {
        return locks.whileHeld(id, () -> rejectHeld(id));
    }

    private LedgerState rejectHeld(long id) {
        LedgerEntry entry = ledger.find(id).orElseThrow();
        if (entry.state() != LedgerState.HELD) {
            throw new IllegalStateException("file " + id + " is not held");
        }
        if (!LocalCopies.present(entry)) {
            // the decision needs no copy: the file is refused, and there is nothing left to quarantine
            ledger.moved(id, null, entry.archivePath());
            ledger.quarantine(id, FileOutcome.REJECTED_BY_OPERATOR.name(), "rejected by an operator; its local copy was already missing");
            log.warn("Rejected {} by an operator; its local copy was missing", entry.fileName());
            return LedgerState.QUARANTINED;
        }
        return quarantine(entry, Path.of(entry.localPath()), FileOutcome.REJECTED_BY_OPERATOR.name(), null, "rejected by an operator");
    }

    /** Another attempt at a quarantined or rejected file, e.g. after a configuration fix. */
    public synchronized LedgerState reprocess(long id) {
        return locks.whileHeld(id, () -> reprocessHeld(id));
    }

    private LedgerState reprocessHeld(long id) {
        LedgerEntry entry = ledger.find(id).orElseThrow();
        if (entry.state() != LedgerState.QUARANTINED && entry.state() != LedgerState.REJECTED) {
            throw new IllegalStateException("file " + id + " is not quarantined");
        }
        if (ledger.isContentPurged(id)) {
            throw new IllegalStateException("file " + id + " is no longer kept locally (purged by retention);"
                    + " ask ESR to send it again");
        }
        if (!LocalCopies.present(entry)) {
            // lost, not purged: the delivery is downloaded again into this row and processed by the next poll
            downloadAgain(entry, LedgerState.QUARANTINED, LedgerState.REJECTED);
            return LedgerState.DISCOVERED;
        }
        Path restored = store.restore(Path.of(entry.localPath()), id, entry.fileName());
        ledger.moved(id, restored.toString(), entry.archivePath());
        ledger.reprocess(id, "reprocess requested by an operator");
        return process(id);
    }

    private void downloadAgain(LedgerEntry entry, LedgerState... from) {
        if (ledger.localCopyMissing(entry.id(), from)) {
            log.warn("The local copy of {} is missing; it will be downloaded again", entry.fileName());
        }
    }

    private boolean recordValidation(LedgerEntry entry, ValidationReport report, String reportJson,
                                     LedgerState state) {
        metrics.validated(report);
        return ledger.validated(entry.id(), state, null,
                report.header() == null ? null : report.header().runDate(),
                report.header() == null ? null : report.header().previousRunDate(), report.lineCount(),
                json.writeValueAsString(report.countsByRecordType()),
                json.writeValueAsString(report.unknownRecordTypes()), report.warnings().size(), reportJson);
    }

    private LedgerState quarantine(LedgerEntry entry, Path file, String outcome, String reportJson, String detail) {
        Path quarantined = store.quarantine(file, reportJson == null
                ? json.writeValueAsString(Map.of("outcome", outcome, "detail", String.valueOf(detail))) : reportJson);
        ledger.moved(entry.id(), quarantined.toString(), null);
        ledger.quarantine(entry.id(), outcome, detail);
        log.warn("Quarantined {}: {}", entry.fileName(), outcome);
        return LedgerState.QUARANTINED;
    }

    private void archive(LedgerEntry entry, Path file) {
        Path archived = store.archive(file);
        ledger.moved(entry.id(), null, archived.toString());
    }

    private void archiveIfPresent(LedgerEntry entry) {
        if (entry.localPath() != null && Files.exists(Path.of(entry.localPath()))) {
            archive(entry, Path.of(entry.localPath()));
        }
    }

    private static java.io.InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
