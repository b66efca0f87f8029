package health.patchwork.esr.outbound.ops;

import java.util.function.LongFunction;

import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LedgerEntry;
import health.patchwork.esr.outbound.ledger.LedgerState;
import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.outbound.sequence.RefreshRequester;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.audit.AuditResult;
import health.patchwork.esr.support.audit.AuditedOperations;
import health.patchwork.esr.support.audit.OperationRefusedException;

import org.springframework.stereotype.Component;

/**
 * The operators' decisions about files, each audited: the REST API and the actuator endpoint both call these. None
 * is one transaction (files move on disk, a refresh request goes to the mailbox), so the audit row is written ahead
 * and completed with the outcome.
 */
@Component
public class FileOperations {

    private final FileLedger ledger;
    private final FileProcessor processor;
    private final RefreshRequester refresh;
    private final AuditedOperations audited;

    public FileOperations(FileLedger ledger, FileProcessor processor, RefreshRequester refresh,
                          AuditedOperations audited) {
        this.ledger = ledger;
        this.processor = processor;
        this.refresh = refresh;
        this.audited = audited;
    }

    /** Applies a full file the safety threshold held. */
    public LedgerEntry approve(long id, AuditChannel channel) {
        return onFile("APPROVE", id, channel, processor::approve);
    }

    /** Quarantines a held file; it is never applied. */
    public LedgerEntry reject(long id, AuditChannel channel) {
        return onFile("REJECT", id, channel, processor::reject);
    }

    /** Processes a quarantined or rejected file again, e.g. after a configuration fix. */
    public LedgerEntry reprocess(long id, AuditChannel channel) {
        return onFile("REPROCESS", id, channel, processor::reprocess);
    }

    /** Asks ESR for a full refresh now, even while one is pending; never twice a day. */
    public RefreshRequester.Result requestFullRefresh(AuditChannel channel) {
        return audited.run("REQUEST_FULL_REFRESH", "full refresh request", channel,
                () -> refresh.request("requested by an operator", true),
                result -> result.sent() ? AuditResult.done("sent " + result.fileName())
                        : AuditResult.refused(result.reason()));
    }

    private LedgerEntry onFile(String action, long id, AuditChannel channel, LongFunction<LedgerState> operation) {
        String target = ledger.find(id).map(entry -> "file " + id + " " + entry.fileName()).orElse("file " + id);
        return audited.run(action, target, channel, () -> {
            ledger.find(id).orElseThrow(() -> OperationRefusedException.notFound("File " + id));
            try {
                operation.apply(id);
            } catch (IllegalStateException wrongState) {
                // the processor's own message, e.g. "file 12 is not held by the threshold"
                throw OperationRefusedException.conflict(wrongState.getMessage());
            }
            return ledger.find(id).orElseThrow();
        }, entry -> AuditResult.done(entry.state() + (entry.outcome() == null ? "" : " " + entry.outcome())));
    }
}
