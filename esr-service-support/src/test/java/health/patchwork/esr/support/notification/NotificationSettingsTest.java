package health.patchwork.esr.support.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

/** What start-up refuses in the webhook settings, and the retry waits they give. */
class NotificationSettingsTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aUsableEndpointPasses() {
        assertThat(violations(endpoint("https://platform.example/hook", SECRET, "*"))).isEmpty();
        assertThat(violations(endpoint("http://127.0.0.1:9000/hook", SECRET, "outbound.file.*", "line.held")))
                .isEmpty();
    }

    @Test
    void plainHttpOffLoopbackIsRefusedUnlessAllowed() {
        assertThat(violations(endpoint("http://platform.example/hook", SECRET, "*")))
                .containsExactly("everyUrlAllowed");
    }

    @Test
    void anUnusableSecretOrAnUnknownEventIsRefusedWithoutQuotingTheSecret() {
        assertThat(violations(endpoint("https://platform.example/hook", "whsec_not base64!", "*")))
                .containsExactly("endpoints[0].secretUsable");
        assertThat(violations(endpoint("https://platform.example/hook", "short", "*")))
                .containsExactly("endpoints[0].secretUsable");
        assertThat(violations(endpoint("https://platform.example/hook", SECRET, "outbound.files.*")))
                .containsExactly("endpoints[0].everyEventKnown");
        assertThat(endpoint("https://platform.example/hook", SECRET, "*").endpoints().get(0).toString())
                .doesNotContain(SECRET.substring(6));
        assertThatThrownBy(() -> WebhookSignature.forSecret("whsec_not base64!"))
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void twoEndpointsWithOneNameAreRefused() {
        NotificationSettings.Endpoint one = new NotificationSettings.Endpoint(null,
                URI.create("https://platform.example/hook"), SECRET, List.of("*"));
        assertThat(violations(new NotificationSettings(List.of(one, one), Duration.ofSeconds(1), 3,
                Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(15),
                Duration.ofDays(30), 100, false))).containsExactly("everyNameUnique");
    }

    @Test
    void waitsGrowFromTheFirstRetryWithJitterInTheirUpperHalfUpToTheCapAndHonourRetryAfter() {
        RetryDelays low = new RetryDelays(Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 0.0);
        RetryDelays high = new RetryDelays(Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 0.999_999);
        assertThat(low.after(1, null)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(high.after(1, null)).isBetween(Duration.ofMillis(4_999), Duration.ofSeconds(5));
        assertThat(low.after(3, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(high.after(30, null)).isBetween(Duration.ofMillis(59_999), Duration.ofMinutes(1));
        assertThat(low.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(low.after(1, Duration.ofHours(1))).as("capped").isEqualTo(Duration.ofMinutes(1));
    }

    private static NotificationSettings endpoint(String url, String secret, String... events) {
        return new NotificationSettings(List.of(new NotificationSettings.Endpoint("platform", URI.create(url), secret,
                List.of(events))), Duration.ofSeconds(1), 3, Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofDays(30), 100, false);
    }

    private Set<String> violations(NotificationSettings settings) {
        return validator.validate(settings).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(java.util.stream.Collectors.toSet());
    }
}
