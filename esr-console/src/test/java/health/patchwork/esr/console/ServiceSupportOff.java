package health.patchwork.esr.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the test class path only. The sandbox's runtime (which starts the real services for the pages test) brings
 * esr-service-support's jar for its webhook receiver, and with it the services' auto-configuration (database,
 * mailbox, resource server), which the console does not have in production. This keeps all of it, and JDBC's data
 * source, out of the console's contexts in tests, read from support's own list so that a new one is excluded too.
 */
public class ServiceSupportOff implements EnvironmentPostProcessor {

    private static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
    private static final String SUPPORT = "health.patchwork.esr.support.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> excluded = new ArrayList<>(List.of(
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"));
        excluded.addAll(supportAutoConfigurations());
        environment.getPropertySources().addFirst(new MapPropertySource("esrConsoleTestExclusions",
                Map.of("spring.autoconfigure.exclude", String.join(",", excluded))));
    }

    static List<String> supportAutoConfigurations() {
        List<String> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(ServiceSupportOff.class.getClassLoader().getResources(IMPORTS))) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(),
                        StandardCharsets.UTF_8))) {
                    in.lines().map(String::trim).filter(line -> line.startsWith(SUPPORT)).forEach(found::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
