package health.patchwork.esr.support.mailbox;

import java.util.Map;

import health.patchwork.esr.support.health.Attention;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code mailboxRetries} in {@code /actuator/health}: ATTENTION while a delivery the mailbox failed is being tried
 * again (which, since when, how many retries), so an operator sees the outage before it becomes a late file; UP
 * otherwise. From memory, never connects.
 */
public class MailboxRetryHealth implements HealthIndicator {

    private final MailboxRetry retry;

    public MailboxRetryHealth(MailboxRetry retry) {
        this.retry = retry;
    }

    @Override
    public Health health() {
        Map<String, MailboxRetry.Retrying> now = retry.retrying();
        if (now.isEmpty()) {
            return Health.up().withDetail("retrying", "nothing").build();
        }
        return Health.status(Attention.because("a mailbox delivery failed and is being tried again"))
                .withDetail("retrying", now).build();
    }
}
