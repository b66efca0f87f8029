package health.patchwork.esr.outbound.config;

import java.time.Clock;
import java.time.ZoneId;

import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.support.trust.TrustSettings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The library pieces this service configures from the Trust's settings. */
@Configuration(proxyBeanMethods = false)
public class OutboundConfiguration {

    /** ESR dates and times are UK civil time (docs/spec/README.md §3), so "today" is today in London. */
    public static final ZoneId ESR_ZONE = ZoneId.of("Europe/London");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ESR_ZONE);
    }

    /** Validation options of docs/spec/README.md §6.1 for this Trust; the last applied run date is added per file. */
    @Bean
    OutboundValidationOptions outboundValidationOptions(TrustSettings trust, OutboundSettings settings) {
        return OutboundValidationOptions.forVpd(trust.vpd())
                .withSubFileType(settings.subFileType())
                .withAcceptedVersions(settings.acceptedVersions())
                .withFieldCountPolicies(settings.fieldCounts())
                .withTrailerCountMode(settings.trailerCountMode());
    }
}
