package health.patchwork.esr.support.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one answer to a batch of items that are each accepted or rejected on their own (timesheet lines, absences):
 * 200 with the results when every item was accepted; otherwise 422, a problem detail that says how many were
 * rejected and how many stored, with the per-item results and every field error. A client that checks only the
 * status never mistakes a batch with rejected items for a clean one.
 *
 * @param type     the problem type of a batch with rejected items
 * @param noun     what the items are called in the detail ("lines", "absences")
 * @param property the name of the per-item results, as in the 200 answer
 */
public record BatchAnswer(URI type, String noun, String property) {

    public ResponseEntity<Object> of(Object allAccepted, int accepted, int rejected, List<?> results,
            List<FieldError> errors) {
        if (rejected == 0) {
            return ResponseEntity.ok(allAccepted);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                rejected + " of " + (accepted + rejected) + " " + noun + " were rejected; the other " + accepted
                        + " were stored");
        problem.setType(type);
        problem.setTitle("Some " + noun + " were rejected");
        problem.setProperty("accepted", accepted);
        problem.setProperty("rejected", rejected);
        problem.setProperty(property, results);
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
