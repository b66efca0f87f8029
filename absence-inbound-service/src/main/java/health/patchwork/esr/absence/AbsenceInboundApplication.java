package health.patchwork.esr.absence;

import health.patchwork.esr.support.inbound.InboundFileSettings;
import health.patchwork.esr.support.leader.LeaderElectionConfiguration;
import health.patchwork.esr.support.payroll.PayrollSettings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Sends finalised absences to ESR as Generic Absence inbound (AB) files; not used by bank-only Trusts. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({InboundFileSettings.class, PayrollSettings.class})
// instances share the schema: one leader runs the monthly fallback export and reconciliation
@Import(LeaderElectionConfiguration.class)
public class AbsenceInboundApplication {

    public static void main(String[] args) {
        SpringApplication.run(AbsenceInboundApplication.class, args);
    }
}
