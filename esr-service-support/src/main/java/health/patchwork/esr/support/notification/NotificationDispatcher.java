package health.patchwork.esr.support.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import health.patchwork.esr.support.export.ExportLock;
import health.patchwork.esr.support.logging.Redaction;

/**
 * Sends the outbox's deliveries: each endpoint drained on a thread of its own (a slow or dead receiver never holds
 * up another), under an advisory lock of its own (one sender per endpoint across instances, even while two briefly
 * believe they lead), an entity's events strictly one after another. An attempt is recorded after the receiver
 * answers; a process killed in between sends it again after restart, with the same {@code webhook-id}: delivery is
 * at least once, and the id is what lets a receiver drop the duplicate.
 */
public class NotificationDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final OutboxDeliveries outbox;
    private final DataSource dataSource;
    private final NotificationSettings settings;
    private final NotificationMetrics metrics;
    private final BooleanSupplier leading;
    private final Clock clock;
    private final RetryDelays delays;
    private final HttpClient http;
    private final ExecutorService senders;
    private final String service;
    private final String userAgent;
    private volatile boolean closed;

    private record Target(NotificationSettings.Endpoint endpoint, WebhookSignature signature, AtomicBoolean busy) {
    }

    public NotificationDispatcher(OutboxDeliveries outbox, DataSource dataSource, NotificationSettings settings,
                                  NotificationMetrics metrics, BooleanSupplier leading, Clock clock,
                                  String service) {
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.settings = settings;
        this.metrics = metrics;
        this.leading = leading;
        this.clock = clock;
        this.service = service;
        this.userAgent = "esr-integration/" + service;
        this.delays = new RetryDelays(settings.firstRetry(), settings.maxRetryDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
        for (NotificationSettings.Endpoint endpoint : settings.endpoints()) {
            targets.put(endpoint.key(), new Target(endpoint, WebhookSignature.forSecret(endpoint.secret()),
                    new AtomicBoolean()));
        }
        // redirects are not followed: a receiver that moved is a configuration to change, not a place to send to
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.senders = Executors.newFixedThreadPool(Math.max(1, targets.size()), runnable -> {
            Thread thread = new Thread(runnable, "notification-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts draining every endpoint that is not being drained already, and returns at once: the scheduled job
     * calls this each dispatch interval.
     */
    public void dispatch() {
        for (Target target : targets.values()) {
            if (!closed && target.busy().compareAndSet(false, true)) {
                try {
                    senders.execute(() -> {
                        try {
                            drain(target);
                        } finally {
                            target.busy().set(false);
                        }
                    });
                } catch (RuntimeException e) {
                    target.busy().set(false);
                    throw e;
                }
            }
        }
    }

    private void drain(Target target) {
        String endpoint = target.endpoint().key();
        try {
            // per service too: the three services share one database, and each has its own outbox to drain
            Optional<ExportLock.Held> lock =
                    new ExportLock(dataSource, "esr-notifications " + service + " " + endpoint).tryAcquire();
            if (lock.isEmpty()) {
                return;
            }
            try (ExportLock.Held held = lock.get()) {
                while (!closed && leading.getAsBoolean()) {
                    List<OutboxDeliveries.Due> due = outbox.due(endpoint, clock.instant(), settings.batchSize());
                    if (due.isEmpty() || !held.stillHeld()) {
                        return;
                    }
                    for (OutboxDeliveries.Due delivery : due) {
                        if (closed || Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        attempt(target, delivery);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Notifications to {}: dispatch failed, the next run tries again: {}", endpoint,
                    Redaction.describe(e));
        }
    }

    private void attempt(Target target, OutboxDeliveries.Due delivery) {
        String endpoint = target.endpoint().key();
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target.endpoint().url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header(WebhookSignature.ID_HEADER, delivery.eventId())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        target.signature().sign(delivery.eventId(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            failed(endpoint, delivery, null, "no answer within " + settings.timeout().toMillis() + " ms", null);
            return;
        } catch (IOException e) {
            failed(endpoint, delivery, null, "connection failed (" + e.getClass().getSimpleName() + ")", null);
            return;
        } catch (InterruptedException e) {
            // shutting down: the attempt is not recorded, and the next leader sends it again
            Thread.currentThread().interrupt();
            return;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            outbox.delivered(delivery.deliveryId(), status, clock.instant());
            metrics.delivered(endpoint);
            return;
        }
        failed(endpoint, delivery, status, "HTTP " + status, retryAfter(response));
    }

    private void failed(String endpoint, OutboxDeliveries.Due delivery, @Nullable Integer status, String error,
                        @Nullable Duration retryAfter) {
        int failures = delivery.attempts() + 1;
        boolean dead = failures >= settings.maxAttempts();
        Instant now = clock.instant();
        Instant next = now.plus(delays.after(failures, retryAfter));
        outbox.failed(delivery.deliveryId(), status, error, now, next, dead);
        metrics.failed(endpoint);
        if (dead) {
            metrics.dead(endpoint);
            log.warn("Notification {} ({}) to {} given up after {} attempts, last: {}; an operator can replay it",
                    delivery.eventId(), delivery.type(), endpoint, failures, error);
        } else {
            log.info("Notification {} ({}) to {} failed ({}), attempt {} of {}; next at {}", delivery.eventId(),
                    delivery.type(), endpoint, error, failures, settings.maxAttempts(), next);
        }
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is rare from webhook receivers and is ignored). */
    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /** Stops sending: an attempt under way is abandoned unrecorded, and sent again by whoever leads next. */
    @Override
    public void close() {
        closed = true;
        senders.shutdownNow();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
