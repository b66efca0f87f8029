package health.patchwork.esr.absence.export;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.web.FieldError;
import health.patchwork.esr.support.web.ProblemDetailsAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/periods/{periodId}/finalise}: rosters are final; send the period's absences to ESR. */
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
            @RequestParam(defaultValue = "platform") String by) {
        int key = periods.parse(periodId).orElseThrow(() -> new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetailsAdvice.invalidRequest(List.of(new FieldError("periodId", periods.expectedForm()))),
                null));
        if (!by.matches("platform|operator")) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidRequest(
                    List.of(new FieldError("by", "must be platform or operator"))), null);
        }
        return operations.finalise(key, by, AuditChannel.REST);
    }
}
