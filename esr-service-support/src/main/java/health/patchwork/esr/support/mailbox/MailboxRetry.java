package health.patchwork.esr.support.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Tries a mailbox operation again, with growing waits, when the mailbox fails it ({@link MailboxException}), with
 * Spring Framework's {@link RetryTemplate}. Only for work outside any database transaction, and safe to repeat (the
 * exporter's delivery reads its ledger state again on each try). A name already taken on the mailbox
 * ({@link RemoteFileExistsException}) is never tried again: an operator must look. Each retry is counted
 * ({@code esr.mailbox.retries}, outcome {@code retried}, {@code recovered} or {@code exhausted}), and an operation being
 * retried shows on health ({@link #retrying()}).
 */
public final class MailboxRetry {

    private static final Logger log = LoggerFactory.getLogger(MailboxRetry.class);

    /** Never retries: one try, as before retries existed. */
    public static final MailboxRetry NONE = new MailboxRetry(new MailboxRetrySettings(0,
            Duration.ofMillis(10), 1, Duration.ofMillis(10)), null, Clock.systemUTC());

    /** An operation being retried now: its name, how many retries so far, since when, the last failure's class. */
    public record Retrying(String operation, int retries, int maxRetries, Instant since, String lastFailure) {
    }

    private final RetryTemplate template;
    private final MailboxRetrySettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();

    public MailboxRetry(MailboxRetrySettings settings, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.template = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.maxRetries())
                .delay(settings.delay())
                .multiplier(settings.multiplier())
                .maxDelay(settings.maxDelay())
                .includes(MailboxException.class)
                .excludes(RemoteFileExistsException.class)
                .build());
        this.template.setRetryListener(new Listener());
    }

    /** Runs {@code work}, trying it again as the settings say while the mailbox fails it. */
    public <T> T call(String operation, Supplier<T> work) {
        try {
            return template.execute(new Retryable<T>() {
                @Override
                public T execute() {
                    return work.get();
                }

                @Override
                public String getName() {
                    return operation;
                }
            });
        } catch (RetryException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new MailboxException(operation + " failed", e.getCause());
        } finally {
            retrying.remove(operation);
        }
    }

    /** The operations being retried now. */
    public Map<String, Retrying> retrying() {
        return Map.copyOf(retrying);
    }

    private void count(String operation, String outcome) {
        if (meters != null) {
            meters.counter("esr.mailbox.retries", "operation", operation, "outcome", outcome).increment();
        }
    }

    private final class Listener implements RetryListener {

        @Override
        public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
            String failure = state.getLastException() == null ? null
                    : state.getLastException().getClass().getSimpleName();
            Retrying previous = retrying.get(retryable.getName());
            retrying.put(retryable.getName(), new Retrying(retryable.getName(), state.getRetryCount() + 1,
                    settings.maxRetries(), previous == null ? clock.instant() : previous.since(), failure));
            count(retryable.getName(), "retried");
            // the failure's class only: a mailbox message may name a file, never a person, but stay with the rule
            log.warn("{} failed ({}); trying again, retry {} of {}", retryable.getName(), failure,
                    state.getRetryCount() + 1, settings.maxRetries());
        }

        @Override
        public void onRetrySuccess(RetryPolicy policy, Retryable<?> retryable, Object result) {
            count(retryable.getName(), "recovered");
            log.info("{} succeeded on a retry", retryable.getName());
        }

        @Override
        public void onRetryPolicyExhaustion(RetryPolicy policy, Retryable<?> retryable, RetryException exception) {
            count(retryable.getName(), "exhausted");
            log.warn("{} still failing after {} retries; left to the next attempt", retryable.getName(),
                    exception.getRetryCount());
        }
    }
}
