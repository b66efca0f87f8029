package health.patchwork.esr.support.golive;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import health.patchwork.esr.support.logging.Redaction;

/**
 * {@code GET /actuator/golive} (operators only, like all of actuator beyond health): runs every {@link GoLiveCheck}
 * and answers whether this service is ready, each check's result, and a checklist for the ESR service request.
 * Every call checks afresh; nothing is cached, because the point is to see the mailbox and database as they are now.
 */
@Endpoint(id = "golive")
public class GoLiveEndpoint {

    private final List<GoLiveCheck> checks;
    private final Checklist checklist;

    GoLiveEndpoint(List<GoLiveCheck> checks, Checklist checklist) {
        this.checks = checks.stream().filter(GoLiveCheck::applies).toList();
        this.checklist = checklist;
    }

    @ReadOperation
    public GoLiveReport report() {
        List<ReadinessCheck> results = checks.stream().map(GoLiveEndpoint::runSafely).toList();
        boolean ready = results.stream().noneMatch(result -> result.result() == CheckResult.FAIL);
        return new GoLiveReport(ready, results, checklist.render(results, ready));
    }

    private static ReadinessCheck runSafely(GoLiveCheck check) {
        try {
            return check.run();
        } catch (RuntimeException e) {
            return ReadinessCheck.fail(check.name(), "the check itself failed: " + Redaction.describe(e));
        }
    }
}
