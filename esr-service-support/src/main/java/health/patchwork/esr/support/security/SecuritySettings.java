package health.patchwork.esr.support.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call what. Tokens are JWTs from the platform's identity provider (configured with Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}: issuer-uri, jwk-set-uri or public-key-location); their roles
 * are read from one claim.
 *
 * @param rolesClaim the claim holding the caller's roles (a list or a space-separated string)
 * @param platformRole the role of the Patchwork platform: may call {@code /api}
 * @param operatorRole the role of the operations team: may also call operations and actuator beyond health
 */
@Validated
@ConfigurationProperties("esr.security")
public record SecuritySettings(
        @DefaultValue("roles") @NotBlank String rolesClaim,
        @DefaultValue("platform") @NotBlank String platformRole,
        @DefaultValue("operator") @NotBlank String operatorRole) {
}
