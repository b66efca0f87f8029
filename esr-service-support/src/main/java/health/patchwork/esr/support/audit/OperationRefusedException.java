package health.patchwork.esr.support.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An operator request that changes nothing: an unknown file or period, or one in the wrong state. It is audited as
 * REFUSED and reaches the caller, over REST and actuator alike, as an RFC 9457 problem with a 4xx status.
 */
public class OperationRefusedException extends ErrorResponseException {

    public OperationRefusedException(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    public static OperationRefusedException notFound(String what) {
        return new OperationRefusedException(HttpStatus.NOT_FOUND, "Not found", what + " was not found");
    }

    public static OperationRefusedException conflict(String detail) {
        return new OperationRefusedException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static OperationRefusedException badRequest(String detail) {
        return new OperationRefusedException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
