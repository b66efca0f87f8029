package health.patchwork.esr.support.trust;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Binds and validates the Trust settings every service needs, and shows them on {@code /actuator/info}. */
@AutoConfiguration
@EnableConfigurationProperties(TrustSettings.class)
public class TrustConfiguration {

    @Bean
    TrustInfoContributor trustInfoContributor(TrustSettings trust) {
        return new TrustInfoContributor(trust);
    }
}
