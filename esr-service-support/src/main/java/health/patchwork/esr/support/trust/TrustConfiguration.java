package health.patchwork.esr.support.trust;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds and validates the Trust settings every service needs. */
@AutoConfiguration
@EnableConfigurationProperties(TrustSettings.class)
public class TrustConfiguration {
}
