package health.patchwork.esr.console.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How people sign in to the console, and who may see it. Every page needs the operator role, as the services'
 * operator endpoints do, read from the same kind of claim.
 *
 * @param mode {@code oidc}: the Trust's identity provider (a {@code spring.security.oauth2.client.registration.*}
 *             with grant type authorization_code); {@code local}: one local account, for the sandbox
 * @param registrationId the client registration to sign in with in {@code oidc} mode; empty: the one registration
 *                       with grant type authorization_code
 * @param rolesClaim the claim of the identity provider's ID token or user info that holds a person's roles (a list,
 *                   or a space-separated string), as the services' {@code esr.security.roles-claim}
 * @param operatorRole the role every page needs, as the services' {@code esr.security.operator-role}
 * @param local the one local account of {@code local} mode
 */
@Validated
@ConfigurationProperties("esr.console.sign-in")
public record SignInSettings(
        @DefaultValue("oidc") @NotNull Mode mode,
        @Nullable String registrationId,
        @DefaultValue("roles") @NotBlank String rolesClaim,
        @DefaultValue("esr:operator") @NotBlank String operatorRole,
        @DefaultValue @NotNull @Valid Local local) {

    public enum Mode {
        OIDC,
        LOCAL
    }

    /**
     * @param username the local account's name
     * @param password its password, from the environment ({@code ESR_CONSOLE_SIGNIN_LOCAL_PASSWORD}) or a secrets
     *                 file ({@code /run/secrets/esr.console.sign-in.local.password}), never from the repository; at
     *                 least 12 characters; required in {@code local} mode
     */
    public record Local(
            @DefaultValue("operator") @NotBlank String username,
            @Nullable @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password) {

        @Override
        public String toString() {
            return "Local[username=" + username + ", password=(secret)]";
        }
    }
}
