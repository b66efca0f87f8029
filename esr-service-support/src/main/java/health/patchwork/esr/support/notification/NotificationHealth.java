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
 * {@code notifications} in {@code /actuator/health}: ATTENTION when a delivery was given up (DEAD, until replayed), or
 * when the oldest event not yet delivered is older than {@code esr.notifications.attention-after}: either way the
 * platform is missing news it relies on. Counts per endpoint in the details.
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
        long dead = counts.stream().mapToLong(OutboxDeliveries.EndpointCounts::dead).sum();
        Health.Builder health;
        if (dead > 0) {
            health = Health.status(Attention.because(dead + " event(s) for the platform were given up after their"
                    + " last attempt; replay them (POST /actuator/esrnotifications/dead) once the receiver is back"));
        } else if (oldest.isPresent() && Duration.between(oldest.get(), clock.instant()).compareTo(attentionAfter) > 0) {
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
