package health.patchwork.esr.support.settings;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the defaults the three services share (actuator exposure, probes, Flyway, logging levels) at the lowest
 * precedence, so each service's application.yml holds only what is its own and everything stays overridable.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "esr-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource("esrServiceDefaults", new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
