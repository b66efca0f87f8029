package health.patchwork.esr.outbound.ledger;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.support.leader.ScheduledJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link Retention} on {@code esr.outbound.retention-schedule} (daily at 03:30 UK time by default; "-" for
 * never). Every instance purges its own local folders, so this is neither leader-only nor under the poll lock; a full
 * or unmounted disk: the next run tries again.
 */
@Configuration(proxyBeanMethods = false)
class RetentionSchedule {

    @Bean
    ScheduledJob retentionPurge(Retention retention, OutboundSettings settings) {
        return ScheduledJob.onEveryInstance("retention purge", ScheduledJob.ukCron(settings.retentionSchedule()),
                retention::purge);
    }
}
