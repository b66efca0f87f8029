package health.patchwork.esr.support.export;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import health.patchwork.esr.support.mailbox.MailboxException;

/**
 * The one answer every service gives when an export stops, over REST and the actuator alike, so that a platform or an
 * operator reads the same status, type and title from TA and AB: what happened to the request is in the detail.
 */
public final class ExportProblems {

    public static final URI MAILBOX_UNAVAILABLE = URI.create("urn:esr-suite:problem:mailbox-unavailable");
    public static final URI EXPORT_HALTED = URI.create("urn:esr-suite:problem:export-halted");

    private ExportProblems() {
    }

    /**
     * 503: the mailbox could not be reached. Whatever was generated is in the ledger and goes out with the next
     * export or start-up recovery, exactly once; asking again later is safe.
     */
    public static ErrorResponseException mailboxUnavailable(MailboxException cause, String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, MAILBOX_UNAVAILABLE, "Mailbox unavailable", detail, cause);
    }

    /**
     * 409: the ledger, the local copy and the mailbox disagree (a file of that name already there, say). Nothing more
     * is sent, and nothing is overwritten, until an operator has looked: asking again does not help.
     */
    public static ErrorResponseException halted(ExportException cause, String detail) {
        return problem(HttpStatus.CONFLICT, EXPORT_HALTED, "Export halted", detail, cause);
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail,
            Exception cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, cause);
    }
}
