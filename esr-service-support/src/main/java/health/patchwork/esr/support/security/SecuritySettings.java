package health.patchwork.esr.support.security;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call what. Tokens are JWTs from the Trust's identity provider, checked against Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} (issuer-uri and audiences, and public-key-location or
 * jwk-set-uri: {@link TokenDecoders}); their roles are read from one claim. The role names are namespaced by
 * default so that a role another application of the Trust calls {@code operator} grants nothing here.
 *
 * @param rolesClaim the claim holding the caller's roles (a list or a space-separated string)
 * @param platformRole the role of the Patchwork platform: may call {@code /api}
 * @param operatorRole the role of the operations team: may also call operations and actuator beyond health
 * @param metricsRole the role of the metrics scraper: may read {@code /actuator/prometheus} and nothing else
 * @param clockSkew how far a token's exp and nbf may be off the service's clock; bounded so that an expired token
 *                  cannot be stretched by configuration
 */
@Validated
@ConfigurationProperties("esr.security")
public record SecuritySettings(
        @DefaultValue("roles") @NotBlank String rolesClaim,
        @DefaultValue("esr:platform") @NotBlank String platformRole,
        @DefaultValue("esr:operator") @NotBlank String operatorRole,
        @DefaultValue("esr:metrics") @NotBlank String metricsRole,
        @DefaultValue("60s") @NotNull
        @DurationMin(seconds = 0, message = "must not be negative")
        @DurationMax(minutes = 5, message = "must be at most 5 minutes")
        Duration clockSkew) {
}
