package health.patchwork.esr.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;

import health.patchwork.esr.console.settings.InvalidSettingFailureAnalyzer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A missing or invalid setting stops the console with one line naming the property and its environment variable,
 * never the value (the local password is a setting).
 */
class ConsoleSettingsTest {

    @Test
    void aShortLocalPasswordIsRefusedWithoutBeingPrinted() {
        assertThat(startFailure(Map.of("esr.console.sign-in.mode", "local",
                "esr.console.sign-in.local.password", "short-pw")))
                .isEqualTo("Invalid setting esr.console.sign-in.local.password (environment variable"
                        + " ESR_CONSOLE_SIGNIN_LOCAL_PASSWORD): must be 12 to 200 characters")
                .doesNotContain("short-pw");
    }

    @Test
    void theLocalSignInNeedsAPassword() {
        assertThat(startFailure(Map.of("esr.console.sign-in.mode", "local")))
                .startsWith("Invalid setting esr.console.sign-in.local.password (environment variable"
                        + " ESR_CONSOLE_SIGNIN_LOCAL_PASSWORD): required for esr.console.sign-in.mode local");
    }

    @Test
    void oidcNeedsTheTrustsIdentityProvider() {
        assertThat(startFailure(Map.of())).startsWith("Invalid setting spring.security.oauth2.client.registration");
    }

    @Test
    void aBaseUrlMustBeHttp() {
        assertThat(startFailure(Map.of("esr.console.sign-in.mode", "local",
                "esr.console.sign-in.local.password", "long enough secret",
                "esr.console.services.outbound", "ftp://outbound:8081")))
                .startsWith("Invalid setting esr.console.services.outbound (environment variable"
                        + " ESR_CONSOLE_SERVICES_OUTBOUND): must be an http:// or https:// base URL");
    }

    @Test
    void theTokenFileModeNeedsItsFile() {
        assertThat(startFailure(Map.of("esr.console.sign-in.mode", "local",
                "esr.console.sign-in.local.password", "long enough secret",
                "esr.console.services.outbound", "http://127.0.0.1:8081",
                "esr.console.services.credentials.mode", "token-file")))
                .startsWith("Invalid setting esr.console.services.credentials.token-file");
    }

    @Test
    void clientCredentialsNeedItsRegistration() {
        assertThat(startFailure(Map.of("esr.console.sign-in.mode", "local",
                "esr.console.sign-in.local.password", "long enough secret",
                "esr.console.services.outbound", "http://127.0.0.1:8081")))
                .startsWith("Invalid setting spring.security.oauth2.client.registration.services");
    }

    /** Settings as command-line arguments, which outrank application.yml as a deployment's environment does. */
    static String[] arguments(Map<String, ?> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static String startFailure(Map<String, String> settings) {
        Map<String, Object> properties = new LinkedHashMap<>(settings);
        properties.put("server.port", "0");
        try (var context = new SpringApplicationBuilder(ConsoleApplication.class).run(arguments(properties))) {
            fail("the console started with " + settings.keySet());
            return null;
        } catch (RuntimeException e) {
            FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(e);
            assertThat(analysis).as("a one-line analysis of " + e).isNotNull();
            return analysis.getDescription();
        }
    }
}
