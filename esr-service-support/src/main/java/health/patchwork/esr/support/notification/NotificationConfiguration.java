package health.patchwork.esr.support.notification;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import health.patchwork.esr.support.audit.AuditConfiguration;
import health.patchwork.esr.support.audit.AuditedOperations;
import health.patchwork.esr.support.leader.Leadership;
import health.patchwork.esr.support.leader.ScheduledJob;
import health.patchwork.esr.support.metrics.DatabaseGauge;
import health.patchwork.esr.support.schema.SupportTables;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Webhooks to the platform for every service with a database: the outbox tables, {@link Notifications} for the
 * service to publish with, and, where the service elects a leader, the dispatcher that the leader runs.
 */
@AutoConfiguration(after = AuditConfiguration.class,
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(NotificationSettings.class)
public class NotificationConfiguration {

    @Bean
    SupportTables notificationTables() {
        return SupportTables.NOTIFICATION;
    }

    @Bean
    NotificationMetrics notificationMetrics(ObjectProvider<MeterRegistry> meters) {
        return new NotificationMetrics(meters.getIfAvailable());
    }

    @Bean
    Notifications notifications(DataSource dataSource, NotificationSettings settings, NotificationMetrics metrics,
                                ObjectProvider<Clock> clock) {
        return new Notifications(dataSource, settings, metrics, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    OutboxDeliveries outboxDeliveries(DataSource dataSource) {
        return new OutboxDeliveries(dataSource);
    }

    @Bean
    @ConditionalOnBean(Leadership.class)
    NotificationDispatcher notificationDispatcher(OutboxDeliveries outbox, DataSource dataSource,
                                                  NotificationSettings settings, NotificationMetrics metrics,
                                                  Leadership leadership, ObjectProvider<Clock> clock,
                                                  Environment environment) {
        String service = environment.getProperty("spring.application.name", "esr-service");
        NotificationDispatcher dispatcher = new NotificationDispatcher(outbox, dataSource, settings, metrics,
                leadership::isLeader, clock.getIfAvailable(Clock::systemUTC), service);
        MeterRegistry meters = metrics.registry();
        Clock now = clock.getIfAvailable(Clock::systemUTC);
        DatabaseGauge.register(meters, "esr.notifications.undelivered",
                "Deliveries to the platform's webhooks still being tried", () -> outbox.pending(settings.endpointKeys()));
        DatabaseGauge.register(meters, "esr.notifications.oldest.undelivered.age.seconds",
                "Seconds since the oldest event not yet delivered (PENDING or DEAD) was published; 0 when none",
                () -> outbox.oldestUndelivered(settings.endpointKeys())
                        .map(at -> (Number) Duration.between(at, now.instant()).toSeconds()).orElse(0));
        return dispatcher;
    }

    /** Each dispatch interval, on the leader: start draining every endpoint's queue. */
    @Bean
    @ConditionalOnBean(Leadership.class)
    ScheduledJob notificationDispatchJob(NotificationDispatcher dispatcher, NotificationSettings settings) {
        return ScheduledJob.onLeader("notification-dispatch",
                ScheduledJob.everyAfter(settings.dispatchInterval(), settings.dispatchInterval()), dispatcher::dispatch);
    }

    /** Nightly, on the leader: delivered events older than the retention are deleted. */
    @Bean
    @ConditionalOnBean(Leadership.class)
    ScheduledJob notificationRetentionJob(OutboxDeliveries outbox, NotificationSettings settings,
                                          ObjectProvider<Clock> clock) {
        Clock now = clock.getIfAvailable(Clock::systemUTC);
        return ScheduledJob.onLeader("notification-retention", ScheduledJob.ukCron("0 40 3 * * *"),
                () -> outbox.purgeDelivered(now.instant().minus(settings.retention())));
    }

    @Bean
    NotificationHealth notificationsHealthIndicator(OutboxDeliveries outbox, NotificationSettings settings,
                                                    ObjectProvider<Clock> clock) {
        return new NotificationHealth(outbox, settings.endpointKeys(), settings.attentionAfter(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBean(AuditedOperations.class)
    NotificationsEndpoint notificationsEndpoint(OutboxDeliveries outbox, NotificationSettings settings,
                                                AuditedOperations audited, ObjectProvider<Clock> clock) {
        return new NotificationsEndpoint(outbox, settings.endpointKeys(), audited,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
