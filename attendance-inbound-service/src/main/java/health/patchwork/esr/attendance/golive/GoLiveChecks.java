package health.patchwork.esr.attendance.golive;

import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.support.golive.GoLiveCheck;
import health.patchwork.esr.support.golive.InboundFilesCheck;
import health.patchwork.esr.support.golive.MailboxUse;
import health.patchwork.esr.support.inbound.InboundFileSettings;
import health.patchwork.esr.support.trust.TrustSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** This service's part of {@code /actuator/golive}: it only writes TA files into the inbound folder. */
@Configuration(proxyBeanMethods = false)
class GoLiveChecks {

    @Bean
    MailboxUse mailboxUse() {
        return MailboxUse.inboundOnly();
    }

    @Bean
    @Order(100)
    GoLiveCheck taFileSettingsCheck(TrustSettings trust, InboundFileSettings inbound) {
        return new InboundFilesCheck(InboundFileType.TA, trust, inbound);
    }
}
