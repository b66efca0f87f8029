package health.patchwork.esr.absence.intake;

import java.net.URI;
import java.util.List;

import health.patchwork.esr.support.web.FieldError;
import health.patchwork.esr.support.web.ProblemDetailsAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems of the absence endpoints. */
final class AbsenceProblems {

    static final URI NOT_FOUND = URI.create("urn:esr-suite:problem:absence-not-found");
    static final URI CONFLICT = URI.create("urn:esr-suite:problem:absence-conflict");

    private AbsenceProblems() {
    }

    static ErrorResponseException notFound() {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Absence not found", "No absence with this absence id.");
    }

    static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, CONFLICT, "Absence cannot be changed so", detail);
    }

    static ErrorResponseException concurrentChange() {
        return conflict("The absence was changed by another request at the same time; read it and try again.");
    }

    static ErrorResponseException invalid(List<FieldError> errors) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidRequest(errors), null);
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
