package health.patchwork.esr.support.audit;

import java.util.function.Function;
import java.util.function.Supplier;

import health.patchwork.esr.support.logging.Redaction;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Runs an operator's request with its audit row. The REST controllers and the actuator endpoint both go through
 * here, so a request is audited the same way whichever door it came in by.
 */
public class AuditedOperations {

    private final AuditTrail trail;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate sharedTransaction;

    public AuditedOperations(AuditTrail trail, PlatformTransactionManager transactions) {
        this.trail = trail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sharedTransaction = new TransactionTemplate(transactions);
    }

    /**
     * For operations that are not one transaction (they move files or talk to the mailbox between commits): the row
     * is committed as STARTED before the operation runs, and completed with the outcome afterwards. Whatever the
     * operation changes, a row naming who asked is already there; a crash in between leaves it STARTED.
     */
    public <T> T run(String action, String target, AuditChannel channel, Supplier<T> operation,
                     Function<? super T, AuditResult> outcome) {
        long id = ownTransaction.execute(status -> trail.start(action, target, channel));
        T result;
        try {
            result = operation.get();
        } catch (RuntimeException e) {
            ownTransaction.executeWithoutResult(status -> trail.finish(id, failure(e)));
            throw e;
        }
        ownTransaction.executeWithoutResult(status -> trail.finish(id, outcome.apply(result)));
        return result;
    }

    /**
     * For operations that are one transaction: the operation and its row commit or roll back together. When it
     * throws, nothing of it is kept, and the refusal or failure is recorded on its own afterwards.
     */
    public <T> T runInTransaction(String action, String target, AuditChannel channel, Supplier<T> operation,
                                  Function<? super T, AuditResult> outcome) {
        try {
            return sharedTransaction.execute(status -> {
                T result = operation.get();
                trail.record(action, target, channel, outcome.apply(result));
                return result;
            });
        } catch (RuntimeException e) {
            ownTransaction.executeWithoutResult(status -> trail.record(action, target, channel, failure(e)));
            throw e;
        }
    }

    private static AuditResult failure(RuntimeException e) {
        if (e instanceof ErrorResponseException problem) {
            String detail = problem.getBody().getDetail();
            return new AuditResult(problem.getStatusCode().is4xxClientError() ? AuditOutcome.REFUSED
                    : AuditOutcome.FAILED, detail);
        }
        // only the suite's own messages: a database error may quote a row
        return new AuditResult(AuditOutcome.FAILED, Redaction.describe(e));
    }
}
