package health.patchwork.esr.testsupport.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the test classpath only: points the services' token settings at {@link TestTokens}' key, issuer and audience,
 * so that every test goes through the production decoder and its checks rather than a decoder of its own. Added at
 * the lowest precedence, so a test that spoils one of these settings (start-up tests) still can.
 */
public class TestTokenEnvironment implements EnvironmentPostProcessor {

    private static final Path KEY_FILE = writeKeyFile();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("esrTestTokens", properties(KEY_FILE)));
    }

    /** The Boot settings with which a service accepts {@link TestTokens}' tokens, the key read from this file. */
    public static Map<String, Object> properties(Path publicKeyFile) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", TestTokens.AUDIENCE);
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKeyFile);
        return properties;
    }

    /** The same settings as environment variables, for services started as processes (sandbox, reliability). */
    public static Map<String, String> environment(Path publicKeyFile) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", TestTokens.ISSUER);
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", TestTokens.AUDIENCE);
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION", "file:" + publicKeyFile);
        return environment;
    }

    /** This JVM's key (generated at start) as a PEM file of its own, removed when the JVM exits. */
    public static Path keyFile() {
        return KEY_FILE;
    }

    private static Path writeKeyFile() {
        try {
            Path file = Files.createTempFile("esr-test-token-key-", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, TestTokens.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
