package health.patchwork.esr.outbound.golive;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.support.golive.GoLiveCheck;
import health.patchwork.esr.support.golive.MailboxUse;
import health.patchwork.esr.support.golive.ReadinessCheck;
import health.patchwork.esr.support.trust.TrustSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * This service's part of {@code /actuator/golive}: it reads GO files from the outbound folder and writes full-refresh
 * (GDR) requests into the inbound folder, so both rights are checked; and ESR must send the sub-file type and
 * interface version configured here.
 */
@Configuration(proxyBeanMethods = false)
class GoLiveChecks {

    static final String NAME = "GO file settings";

    @Bean
    MailboxUse mailboxUse() {
        return MailboxUse.outboundAndInbound();
    }

    @Bean
    @Order(100)
    GoLiveCheck goFileSettingsCheck(TrustSettings trust, OutboundSettings settings) {
        String prefix = "GO_" + trust.vpd() + "_" + settings.subFileType() + "_";
        return new GoLiveCheck() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public ReadinessCheck run() {
                return ReadinessCheck.pass(NAME, "sub-file type " + settings.subFileType()
                        + ", accepted interface versions " + String.join(" ", settings.acceptedVersions())
                        + ": we take " + prefix + "GOF_<yyyymmdd>_<sequence>.DAT (full) and " + prefix
                        + "GOC_… (change) and request refreshes as " + prefix + "GDR_…; other names are left alone");
            }
        };
    }
}
