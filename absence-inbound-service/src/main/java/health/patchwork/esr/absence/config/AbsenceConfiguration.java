package health.patchwork.esr.absence.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Service-wide beans: the clock every time decision reads (tests replace it), and scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AbsenceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
