package health.patchwork.esr.attendance;

import health.patchwork.esr.support.inbound.InboundFileSettings;
import health.patchwork.esr.support.payroll.PayrollSettings;
import health.patchwork.esr.support.leader.LeaderElectionConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Turns approved timesheet lines into ESR Generic Time &amp; Attendance inbound (TA) files and delivers them to the mailbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({InboundFileSettings.class, PayrollSettings.class})
// instances share the schema: one leader runs the scheduled cut-off export
@Import(LeaderElectionConfiguration.class)
public class AttendanceInboundApplication {

    public static void main(String[] args) {
        SpringApplication.run(AttendanceInboundApplication.class, args);
    }
}
