package health.patchwork.esr.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.patchwork.esr.testsupport.ServiceStartupTest;
import health.patchwork.esr.testsupport.StartupArguments;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The token settings a service cannot run safely without stop start-up with one line naming the property; the
 * values tests run with ({@code TestTokenEnvironment}) are spoiled one at a time.
 */
class TokenSettingsTest extends ServiceStartupTest {

    private static void start(StartupArguments arguments) {
        run(SecurityRulesTest.App.class, arguments.with("spring.main.web-application-type", "servlet")
                .with("server.port", "0"));
    }

    private static long lines(CapturedOutput output, String start) {
        return output.getAll().lines().filter(line -> line.startsWith(start)).count();
    }

    @Test
    void withoutAnAudienceTheServiceDoesNotStart(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with(TokenDecoders.AUDIENCES, "")));

        assertThat(output).contains("Invalid setting spring.security.oauth2.resourceserver.jwt.audiences"
                + " (environment variable SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES): must name this"
                + " service's audience");
        assertThat(lines(output, "Invalid setting")).isEqualTo(1);
    }

    @Test
    void withoutAnIssuerTheServiceDoesNotStart(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with(TokenDecoders.ISSUER, "")));

        assertThat(output).contains("Invalid setting spring.security.oauth2.resourceserver.jwt.issuer-uri"
                + " (environment variable SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI): must name the"
                + " identity provider");
        assertThat(lines(output, "Invalid setting")).isEqualTo(1);
    }

    @Test
    void bothKeySourcesAtOnceStopStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with(TokenDecoders.JWK_SET, "http://127.0.0.1:9/jwks")));

        assertThat(output).contains("Invalid setting spring.security.oauth2.resourceserver.jwt.jwk-set-uri"
                + " (environment variable SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI): set either it or"
                + " spring.security.oauth2.resourceserver.jwt.public-key-location, not both");
        assertThat(lines(output, "Invalid setting")).isEqualTo(1);
    }

    @Test
    void withoutAKeySourceTheServiceDoesNotStartNorDiscoversKeys(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with(TokenDecoders.PUBLIC_KEY, "")));

        assertThat(output).contains("Invalid setting spring.security.oauth2.resourceserver.jwt.jwk-set-uri"
                + " (environment variable SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI): set it or"
                + " spring.security.oauth2.resourceserver.jwt.public-key-location");
    }

    @Test
    void aClockSkewBeyondFiveMinutesStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> start(valid().with("esr.security.clock-skew", "10m")));

        assertThat(output).contains("Invalid setting esr.security.clock-skew (environment variable"
                + " ESR_SECURITY_CLOCKSKEW): must be at most 5 minutes");
    }
}
