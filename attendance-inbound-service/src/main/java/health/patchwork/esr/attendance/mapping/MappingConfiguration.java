package health.patchwork.esr.attendance.mapping;

import health.patchwork.esr.attendance.config.AttendanceSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pay codes as the rest of the service uses them. */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    @Bean
    PayCodes payCodes(PayCodeSettings payCodeSettings, AttendanceSettings settings) {
        return new PayCodes(payCodeSettings, settings.earnedDate() == AttendanceSettings.EarnedDate.BLANK);
    }
}
