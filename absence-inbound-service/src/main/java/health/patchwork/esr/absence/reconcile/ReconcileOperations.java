package health.patchwork.esr.absence.reconcile;

import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.audit.AuditResult;
import health.patchwork.esr.support.audit.AuditedOperations;

import org.springframework.stereotype.Component;

/**
 * A reconciliation run on request, audited. The run is one transaction, and its audit row is written in it: both
 * commit or neither does.
 */
@Component
public class ReconcileOperations {

    private final Reconciler reconciler;
    private final AuditedOperations audited;

    ReconcileOperations(Reconciler reconciler, AuditedOperations audited) {
        this.reconciler = reconciler;
        this.audited = audited;
    }

    public Reconciler.Result run(AuditChannel channel) {
        return audited.runInTransaction("RECONCILE", "echoed absences", channel, reconciler::run,
                result -> AuditResult.done(result.newlyConfirmed() + " newly confirmed, " + result.needsAttention()
                        + " need attention"));
    }
}
