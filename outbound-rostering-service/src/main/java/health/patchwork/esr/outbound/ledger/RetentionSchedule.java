package health.patchwork.esr.outbound.ledger;

import java.util.TimeZone;

import health.patchwork.esr.outbound.config.OutboundSettings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import health.patchwork.esr.support.leader.ScheduledWork;

/**
 * Runs {@link Retention} on {@code esr.outbound.retention-schedule} (daily at 03:30 UK time by default; "-" for
 * never). Every instance purges its own local folders, so this is not under the poll lock.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${esr.outbound.retention-schedule:0 30 3 * * *}' != '-'")
class RetentionSchedule {

    @Bean
    IntegrationFlow retentionFlow(Retention retention, ScheduledWork scheduled, OutboundSettings settings) {
        return IntegrationFlow.fromSupplier(() -> {
                    // every instance purges its own work folder; a full or unmounted disk: tomorrow's run tries again
                    scheduled.onEveryInstance("retention purge", retention::purge);
                    return Boolean.TRUE;
                }, poller -> poller.poller(Pollers.cron(settings.retentionSchedule(),
                        TimeZone.getTimeZone("Europe/London"))))
                .nullChannel();
    }
}
