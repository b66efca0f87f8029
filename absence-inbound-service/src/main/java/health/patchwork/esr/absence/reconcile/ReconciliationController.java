package health.patchwork.esr.absence.reconcile;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.absence.status.AbsenceStatusQuery;
import health.patchwork.esr.absence.status.AbsenceStatusView;
import health.patchwork.esr.support.audit.AuditChannel;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reconciliation with ESR's echoes: what needs attention, and a run on request. */
@RestController
@RequestMapping("/api/v1/reconciliation")
@Tag(name = "Reconciliation")
class ReconciliationController {

    private final ReconcileOperations reconciler;
    private final AbsenceStatusQuery status;
    private final AbsenceSettings settings;

    ReconciliationController(ReconcileOperations reconciler, AbsenceStatusQuery status, AbsenceSettings settings) {
        this.reconciler = reconciler;
        this.status = status;
        this.settings = settings;
    }

    /** Absences left out of an export, or exported and not confirmed within the window. */
    public record Attention(int windowDays, int count, List<AbsenceStatusView> absences) {
    }

    @GetMapping("/attention")
    @Operation(summary = "Absences that need attention: left out of an export, or unconfirmed after the window")
    Attention attention() {
        List<AbsenceStatusView> absences = status.needingAttention();
        return new Attention(settings.reconcileWindowDays(), absences.size(), absences);
    }

    @PostMapping("/run")
    @Operation(summary = "Check ESR's echoed absences now (also runs on a schedule)")
    Reconciler.Result run() {
        return reconciler.run(AuditChannel.REST);
    }
}
