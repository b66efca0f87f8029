package health.patchwork.esr.outbound;

import health.patchwork.esr.support.leader.LeaderElectionConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Imports ESR Generic Outbound Rostering files into the {@code workforce} schema and serves them to the platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
// instances share the workforce schema: one leader polls the mailbox
@Import(LeaderElectionConfiguration.class)
public class OutboundRosteringApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutboundRosteringApplication.class, args);
    }
}
