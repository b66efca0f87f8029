package health.patchwork.esr.outbound.ledger;

import java.util.TimeZone;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.support.logging.Redaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * Runs {@link Retention} on {@code esr.outbound.retention-schedule} (daily at 03:30 UK time by default; "-" for
 * never). Every instance purges its own local folders, so this is not under the poll lock.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${esr.outbound.retention-schedule:0 30 3 * * *}' != '-'")
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    @Bean
    IntegrationFlow retentionFlow(Retention retention, OutboundSettings settings) {
        return IntegrationFlow.fromSupplier(() -> {
                    try {
                        retention.purge();
                    } catch (RuntimeException e) {
                        // a full or unmounted disk: tomorrow's run tries again
                        log.error("Retention purge failed: {}", Redaction.describe(e));
                    }
                    return Boolean.TRUE;
                }, poller -> poller.poller(Pollers.cron(settings.retentionSchedule(),
                        TimeZone.getTimeZone("Europe/London"))))
                .nullChannel();
    }
}
