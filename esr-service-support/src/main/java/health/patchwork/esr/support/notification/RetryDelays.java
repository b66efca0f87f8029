package health.patchwork.esr.support.notification;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * How long a failed delivery waits before its next attempt: exponential (the first wait, doubled after each further
 * failure, capped), with "equal jitter" (a random point in the upper half of the wait) so that deliveries failed by
 * the same outage do not all come back at the same instant. A receiver's {@code Retry-After} is honoured when it
 * asks for longer, within the cap.
 */
final class RetryDelays {

    private final Duration first;
    private final Duration max;
    private final DoubleSupplier random;

    RetryDelays(Duration first, Duration max, DoubleSupplier random) {
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    Duration after(int failures, @Nullable Duration retryAfter) {
        long cap = max.toMillis();
        long exponential = first.toMillis();
        for (int i = 1; i < failures && exponential < cap; i++) {
            exponential *= 2;
        }
        exponential = Math.min(exponential, cap);
        long jittered = exponential / 2 + (long) (random.getAsDouble() * (exponential - exponential / 2));
        if (retryAfter != null && retryAfter.toMillis() > jittered) {
            jittered = Math.min(retryAfter.toMillis(), cap);
        }
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
