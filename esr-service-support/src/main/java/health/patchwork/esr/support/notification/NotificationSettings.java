package health.patchwork.esr.support.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhooks to the platform: where each one goes, which events it wants, and how hard the dispatcher tries. No
 * endpoints, no webhooks (and no events are kept). The defaults retry for about a day before an event goes DEAD.
 *
 * @param endpoints        the receivers; each has its own secret and queue, so one down never holds up another
 * @param dispatchInterval how often the leader looks for deliveries that are due
 * @param maxAttempts      attempts before a delivery goes DEAD (an operator can replay it)
 * @param firstRetry       the wait after the first failed attempt; it doubles each time, with jitter
 * @param maxRetryDelay    the longest wait between two attempts
 * @param timeout          how long an endpoint has to connect and answer; a slower answer is a failed attempt
 * @param attentionAfter   health shows ATTENTION once the oldest undelivered event is older than this
 * @param retention        delivered events are deleted after this long
 * @param batchSize        deliveries read per query
 * @param allowPlainHttp   whether an endpoint may be {@code http://} on a host other than loopback (personal data
 *                         such as registration expiry travels in some events: normally https only)
 */
@Validated
@ConfigurationProperties("esr.notifications")
public record NotificationSettings(
        @DefaultValue({}) @NotNull List<@Valid @NotNull Endpoint> endpoints,
        @DefaultValue("1s") @NotNull @DurationMin(millis = 50) Duration dispatchInterval,
        @DefaultValue("15") @Min(1) @Max(100) int maxAttempts,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 10) Duration firstRetry,
        @DefaultValue("2h") @NotNull @DurationMin(millis = 10) Duration maxRetryDelay,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration timeout,
        @DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration attentionAfter,
        @DefaultValue("30d") @NotNull @DurationMin(hours = 1) Duration retention,
        @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("false") boolean allowPlainHttp) {

    @AssertTrue(message = "an endpoint's url must be https (http only on loopback, or with allow-plain-http)")
    public boolean isEveryUrlAllowed() {
        return endpoints == null || endpoints.stream().allMatch(endpoint -> endpoint.url() == null
                || "https".equals(endpoint.url().getScheme())
                || ("http".equals(endpoint.url().getScheme()) && (allowPlainHttp || loopback(endpoint.url()))));
    }

    @AssertTrue(message = "two endpoints have the same name (or the same url and no name)")
    public boolean isEveryNameUnique() {
        return endpoints == null || endpoints.stream().filter(e -> e.url() != null).map(Endpoint::key).distinct()
                .count() == endpoints.stream().filter(e -> e.url() != null).count();
    }

    /** The endpoints' names as the outbox keys their deliveries, in configuration order. */
    public List<String> endpointKeys() {
        return endpoints.stream().map(Endpoint::key).toList();
    }

    private static boolean loopback(URI url) {
        String host = url.getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }

    /**
     * One receiver.
     *
     * @param name   its name in the outbox, logs and metrics (default: its URL); renaming it orphans what is queued
     * @param url    where events are POSTed
     * @param secret the signing secret, Standard Webhooks style {@code whsec_} + base64 (from the environment or a
     *               secrets file, never the repository)
     * @param events the event types it wants: exact names, {@code prefix.*}, or {@code *} (the default) for all
     */
    public record Endpoint(@Nullable String name, @NotNull URI url, @NotBlank String secret,
                           @DefaultValue("*") @NotNull List<@NotBlank String> events) {

        @AssertTrue(message = "must be whsec_ and base64 of at least 24 bytes, or at least 24 characters")
        public boolean isSecretUsable() {
            if (secret == null || secret.isBlank()) {
                return true; // @NotBlank says so
            }
            try {
                WebhookSignature.forSecret(secret);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @AssertTrue(message = "names an event type that does not exist (see the README's list of events)")
        public boolean isEveryEventKnown() {
            return events == null || events.stream().allMatch(EventType::matchesAny);
        }

        public String key() {
            return name == null || name.isBlank() ? url.toString() : name;
        }

        /** Whether this endpoint wants events of the type. */
        public boolean wants(EventType type) {
            return events.stream().anyMatch(pattern -> EventType.matches(pattern, type));
        }

        @Override
        public String toString() {
            // never the secret
            return "Endpoint[" + key() + " " + url + " " + events + "]";
        }
    }
}
