package health.patchwork.esr.absence.export;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.web.FieldError;
import health.patchwork.esr.support.web.ProblemDetailsAdvice;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/periods/{periodId}/finalise?payroll=…}: rosters are final; send the payroll period's absences to
 * ESR. {@code payroll} is ESR's name of the payroll, required where {@code esr.payrolls} configures several.
 */
@RestController
@Tag(name = "Periods")
class FinaliseController {

    private final FinaliseOperations operations;
    private final PayrollPeriods periods;

    FinaliseController(FinaliseOperations operations, PayrollPeriods periods) {
        this.operations = operations;
        this.periods = periods;
    }

    @PostMapping("/api/v1/periods/{periodId}/finalise")
    @Operation(summary = "Finalise a payroll period (e.g. M2708): its AB file is written and delivered now;"
            + " finalising again sends only what changed since, as a supplementary run")
    FinaliseResult finalise(@PathVariable String periodId,
            @Parameter(description = "ESR's name of the payroll, required when esr.payrolls configures payrolls,"
                    + " left out otherwise") @RequestParam(required = false) String payroll,
            @Parameter(hidden = true) HttpServletRequest request) {
        if (request.getParameter("by") != null) {
            // refused rather than ignored: a caller relying on it would otherwise believe it had been recorded
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidRequest(List.of(
                    new FieldError("by", "is not accepted: who finalised is taken from the bearer token"))), null);
        }
        return operations.finalise(periods.requested(payroll, periodId), AuditChannel.REST);
    }
}
