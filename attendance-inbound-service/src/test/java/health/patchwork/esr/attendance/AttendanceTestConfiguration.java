package health.patchwork.esr.attendance;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What every service test shares: a fixed clock (the day before October's cut-off, 3 November 09:30) and a switch
 * that simulates a crash at one step of an export.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AttendanceTestConfiguration {

    public static final String BEFORE_OCTOBER_CUT_OFF = "2026-11-02T12:00:00Z";

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(java.time.Instant.parse(BEFORE_OCTOBER_CUT_OFF));
    }

    @Bean
    CrashSwitch crashSwitch() {
        return new CrashSwitch();
    }
}
