package health.patchwork.esr.attendance;

import health.patchwork.esr.support.inbound.InboundFileSettings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Turns approved timesheet lines into ESR Generic Time &amp; Attendance inbound (TA) files and delivers them to the mailbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(InboundFileSettings.class)
public class AttendanceInboundApplication {

    public static void main(String[] args) {
        SpringApplication.run(AttendanceInboundApplication.class, args);
    }
}
