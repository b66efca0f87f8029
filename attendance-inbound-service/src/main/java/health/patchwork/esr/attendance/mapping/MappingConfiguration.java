package health.patchwork.esr.attendance.mapping;

import health.patchwork.esr.attendance.config.AttendanceSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pay codes as the rest of the service uses them. */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    @Bean
    PayCodeVersions payCodeVersions(PayCodeSettings payCodeSettings, JdbcClient jdbc) {
        return new PayCodeVersions(payCodeSettings, jdbc);
    }

    @Bean
    PayCodes payCodes(PayCodeSettings payCodeSettings, AttendanceSettings settings, PayCodeVersions versions) {
        return new PayCodes(payCodeSettings, settings.earnedDate() == AttendanceSettings.EarnedDate.BLANK, versions);
    }
}
