package health.patchwork.esr.outbound.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems this API raises itself; the shared advice in esr-service-support renders them. */
final class Problems {

    private Problems() {
    }

    static ErrorResponseException notFound(String what) {
        return problem(HttpStatus.NOT_FOUND, "Not found", what + " was not found");
    }

    static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    static ErrorResponseException conflict(String title, String detail) {
        return problem(HttpStatus.CONFLICT, title, detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
