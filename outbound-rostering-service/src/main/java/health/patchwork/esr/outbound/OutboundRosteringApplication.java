package health.patchwork.esr.outbound;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Imports ESR Generic Outbound Rostering files into the {@code workforce} schema and serves them to the platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OutboundRosteringApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutboundRosteringApplication.class, args);
    }
}
