package health.patchwork.esr.absence.export;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.support.export.ExportException;
import health.patchwork.esr.support.export.ExportedFile;
import health.patchwork.esr.support.mailbox.MailboxException;
import health.patchwork.esr.support.web.FieldError;
import health.patchwork.esr.support.web.ProblemDetailsAdvice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/periods/{periodId}/finalise}: rosters are final; send the period's absences to ESR. */
@RestController
@Tag(name = "Periods")
class FinaliseController {

    private static final Logger log = LoggerFactory.getLogger(FinaliseController.class);
    static final URI NOT_STARTED = URI.create("urn:esr-suite:problem:period-not-started");
    static final URI DELIVERY_PENDING = URI.create("urn:esr-suite:problem:delivery-pending");

    private final AbsenceExport export;
    private final PayrollPeriods periods;

    FinaliseController(AbsenceExport export, PayrollPeriods periods) {
        this.export = export;
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
        if (!export.hasStarted(key)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "The period has not started yet, so its rosters cannot be final.");
            problem.setType(NOT_STARTED);
            problem.setTitle("Period not started");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        Optional<ExportedFile> file = export.finalise(key, by);
        return new FinaliseResult(periods.id(key), file.map(ExportedFile::fileName).orElse(null),
                file.map(ExportedFile::rowCount).orElse(0));
    }

    /** The period is final and the file, if any, is recorded; delivery is finished by recovery or the next export. */
    @ExceptionHandler({MailboxException.class, ExportException.class})
    ProblemDetail deliveryFailed(RuntimeException e) {
        log.error("AB file delivery did not complete: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The period is finalised, but the AB file could not be delivered now. It is kept and delivered"
                        + " exactly once by the next export or start-up recovery; see the service log.");
        problem.setType(DELIVERY_PENDING);
        problem.setTitle("Delivery pending");
        return problem;
    }
}
