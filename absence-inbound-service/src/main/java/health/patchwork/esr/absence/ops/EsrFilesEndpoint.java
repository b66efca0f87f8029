package health.patchwork.esr.absence.ops;

import java.util.List;

import org.jspecify.annotations.Nullable;

import health.patchwork.esr.absence.export.FinaliseOperations;
import health.patchwork.esr.absence.period.PayrollPeriod;
import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.absence.reconcile.ReconcileOperations;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.audit.OperationRefusedException;
import health.patchwork.esr.support.export.ExportFileSummary;
import health.patchwork.esr.support.web.FieldError;
import health.patchwork.esr.support.web.InvalidFieldException;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/esrfiles}: the AB files sent to ESR, finalising a period and a reconciliation run. Operator-only
 * like the rest of actuator; refusals and failures come back as the same problem details as over REST.
 */
@Component
@Endpoint(id = "esrfiles")
public class EsrFilesEndpoint {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final AbFileOverview overview;
    private final FinaliseOperations finalise;
    private final ReconcileOperations reconcile;
    private final PayrollPeriods periods;

    EsrFilesEndpoint(AbFileOverview overview, FinaliseOperations finalise, ReconcileOperations reconcile,
                     PayrollPeriods periods) {
        this.overview = overview;
        this.finalise = finalise;
        this.reconcile = reconcile;
        this.periods = periods;
    }

    /** {@code GET /actuator/esrfiles?limit=50}: newest first. */
    @ReadOperation
    public List<ExportFileSummary> files(@Nullable Integer limit) {
        int rows = limit == null ? DEFAULT_LIMIT : limit;
        if (rows < 1 || rows > MAX_LIMIT) {
            throw new InvalidEndpointRequestException("limit out of range", "limit must be between 1 and " + MAX_LIMIT);
        }
        return overview.recent(rows);
    }

    /** {@code GET /actuator/esrfiles/{id}}. */
    @ReadOperation
    public AbFileOverview.AbFileReport file(@Selector long id) {
        return overview.report(id).orElseThrow(() -> OperationRefusedException.notFound("File " + id));
    }

    /**
     * {@code POST /actuator/esrfiles/finalise} with {@code {"period":"M2708"}} (and {@code "payroll"}, ESR's name of
     * it, where esr.payrolls configures several): the period's rosters are final, send its AB file now;
     * {@code POST /actuator/esrfiles/reconcile}: check ESR's echoed absences now.
     */
    @WriteOperation
    public Object run(@Selector String operation, @Nullable String period, @Nullable String payroll) {
        return switch (operation) {
            case "finalise" -> finalise.finalise(requested(payroll, period), AuditChannel.ACTUATOR);
            case "reconcile" -> reconcile.run(AuditChannel.ACTUATOR);
            default -> throw OperationRefusedException.notFound("Operation " + operation);
        };
    }

    private PayrollPeriod requested(@Nullable String payroll, @Nullable String period) {
        try {
            return periods.requested(payroll, period);
        } catch (InvalidFieldException e) {
            FieldError error = e.errors().get(0);
            String field = "periodId".equals(error.field()) ? "period" : error.field();
            throw new InvalidEndpointRequestException("invalid " + field, field + " " + error.reason());
        }
    }
}
