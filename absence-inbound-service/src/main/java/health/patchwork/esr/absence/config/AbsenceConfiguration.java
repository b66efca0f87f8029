package health.patchwork.esr.absence.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service-wide beans: the clock every time decision reads (tests replace it). */
@Configuration(proxyBeanMethods = false)
class AbsenceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
