package health.patchwork.esr.support.audit;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator audit trail.
 *
 * @param displayClaim the token claim recorded next to the subject so that a reader recognises the operator (an
 *                     account name rather than an opaque id); absent from a token, only the subject is recorded
 */
@Validated
@ConfigurationProperties("esr.audit")
public record AuditSettings(@DefaultValue("preferred_username") @NotBlank String displayClaim) {
}
