package health.patchwork.esr.console.services;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which of the suite's services the console reads, and how. A service left out is not part of this deployment (a
 * bank-only Trust has no absence service) and its interface is shown as not deployed, not as down.
 *
 * @param outbound base URL of outbound-rostering-service (Generic Outbound Rostering, ESR to us), e.g.
 *                 {@code http://outbound-rostering-service:8081}; empty: not deployed
 * @param attendance base URL of attendance-inbound-service (Time and Attendance, us to ESR); empty: not deployed
 * @param absence base URL of absence-inbound-service (Absence, us to ESR); empty: not deployed (a bank-only Trust)
 * @param connectTimeout how long connecting to a service may take before it is shown as unreachable
 * @param readTimeout how long one read from a service may take before it is shown as not answering; a page waits
 *                    at most about this long, since its reads run side by side
 * @param credentials how the console proves to the services that it may read their operator endpoints
 */
@Validated
@ConfigurationProperties("esr.console.services")
public record ServicesSettings(
        @Nullable @Pattern(regexp = BASE_URL, message = BASE_URL_MESSAGE) String outbound,
        @Nullable @Pattern(regexp = BASE_URL, message = BASE_URL_MESSAGE) String attendance,
        @Nullable @Pattern(regexp = BASE_URL, message = BASE_URL_MESSAGE) String absence,
        @DefaultValue("2s") @NotNull
        @DurationMin(millis = 100, message = "must be at least 100ms")
        @DurationMax(seconds = 30, message = "must be at most 30s")
        Duration connectTimeout,
        @DefaultValue("5s") @NotNull
        @DurationMin(millis = 100, message = "must be at least 100ms")
        @DurationMax(seconds = 60, message = "must be at most 60s")
        Duration readTimeout,
        @DefaultValue @NotNull @Valid Credentials credentials) {

    static final String BASE_URL = "(https?://[^\\s/?#]+(/[^\\s?#]*)?)?";
    static final String BASE_URL_MESSAGE = "must be an http:// or https:// base URL without query, e.g."
            + " http://outbound-rostering-service:8081";

    /** How the console authenticates to the services. */
    public enum Mode {
        /**
         * An OAuth2 client-credentials registration of the Trust's identity provider
         * ({@code spring.security.oauth2.client.registration.<id>} with grant type client_credentials), whose tokens
         * carry the operator role: for real Trusts.
         */
        CLIENT_CREDENTIALS,
        /** A bearer token read afresh from a file for each page (the sandbox mints an operator token there). */
        TOKEN_FILE
    }

    /**
     * @param mode {@code client-credentials} (a Trust's identity provider) or {@code token-file} (the sandbox, or a
     *             token a Trust's own job renews in a mounted file)
     * @param registrationId the client registration used in {@code client-credentials} mode
     * @param tokenFile the file holding the bearer token in {@code token-file} mode; read for each page, so a
     *                  renewed token is used at once
     */
    public record Credentials(
            @DefaultValue("client-credentials") @NotNull Mode mode,
            @DefaultValue("services") @NotBlank String registrationId,
            @Nullable String tokenFile) {
    }

    /** Whether any service is configured at all: without one, the console needs no credentials. */
    boolean anyService() {
        return outbound != null || attendance != null || absence != null;
    }
}
