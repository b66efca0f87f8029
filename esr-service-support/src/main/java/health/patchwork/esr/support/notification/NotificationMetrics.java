package health.patchwork.esr.support.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.jspecify.annotations.Nullable;

/**
 * {@code esr.notifications.queued} (by type), {@code .delivered}, {@code .failed} (failed attempts) and
 * {@code .dead} (by endpoint); the gauges of the queue itself are registered by the configuration.
 */
public class NotificationMetrics {

    private final MeterRegistry meters;

    public NotificationMetrics(@Nullable MeterRegistry meters) {
        this.meters = meters == null ? new CompositeMeterRegistry() : meters;
    }

    void queued(EventType type) {
        Counter.builder("esr.notifications.queued").tag("type", type.wireName())
                .description("Events queued for the platform's webhooks, by type").register(meters).increment();
    }

    void delivered(String endpoint) {
        count("esr.notifications.delivered", endpoint, "Deliveries an endpoint accepted");
    }

    void failed(String endpoint) {
        count("esr.notifications.failed", endpoint, "Delivery attempts that failed (each is tried again)");
    }

    void dead(String endpoint) {
        count("esr.notifications.dead", endpoint, "Deliveries given up after the last attempt (replayable)");
    }

    MeterRegistry registry() {
        return meters;
    }

    private void count(String name, String endpoint, String description) {
        Counter.builder(name).tag("endpoint", endpoint).description(description).register(meters).increment();
    }
}
