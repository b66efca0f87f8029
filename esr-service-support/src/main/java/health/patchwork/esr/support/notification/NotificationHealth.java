package health.patchwork.esr.support.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.support.health.Attention;
import health.patchwork.esr.support.health.DatabaseBackedHealthIndicator;

import org.springframework.boot.health.contributor.Health;

/**
 * {@code notifications} in {@code /actuator/health}: ATTENTION when the oldest event not yet delivered (still being
 * retried, or DEAD) is older than {@code esr.notifications.attention-after}: the platform is missing news it relies
 * on. Counts per endpoint in the details.
 */
public class NotificationHealth extends DatabaseBackedHealthIndicator {

    private final OutboxDeliveries outbox;
    private final List<String> endpoints;
    private final Duration attentionAfter;
    private final Clock clock;

    public NotificationHealth(OutboxDeliveries outbox, List<String> endpoints, Duration attentionAfter, Clock clock) {
        this.outbox = outbox;
        this.endpoints = List.copyOf(endpoints);
        this.attentionAfter = attentionAfter;
        this.clock = clock;
    }

    @Override
    protected Health check() {
        List<OutboxDeliveries.EndpointCounts> counts = outbox.counts(endpoints);
        Optional<Instant> oldest = outbox.oldestUndelivered(endpoints);
        Health.Builder health;
        if (oldest.isPresent() && Duration.between(oldest.get(), clock.instant()).compareTo(attentionAfter) > 0) {
            health = Health.status(Attention.because("an event for the platform has waited longer than "
                    + attentionAfter + " to be delivered"));
        } else {
            health = Health.up();
        }
        health.withDetail("endpoints", counts);
        oldest.ifPresent(at -> health.withDetail("oldestUndelivered", at.toString()));
        return health.build();
    }
}
