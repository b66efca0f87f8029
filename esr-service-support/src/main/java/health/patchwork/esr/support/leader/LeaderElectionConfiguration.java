package health.patchwork.esr.support.leader;

import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.transaction.PlatformTransactionManager;

import health.patchwork.esr.support.schema.SupportTables;

/**
 * Leader election for a service whose instances share one database schema: Spring Integration's
 * {@link LockRegistryLeaderInitiator} over a {@link JdbcLockRegistry}, whose lease is a row of the service's
 * {@code INT_LOCK} table (which this module migrates into the service's schema). A service imports this and asks
 * {@link Leadership} before each run of its scheduled work; its timed jobs are {@link ScheduledJob} beans, scheduled
 * here by {@link ScheduledJobs}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LeaderSettings.class)
public class LeaderElectionConfiguration {

    /** The lease table, migrated with the service's schema. */
    @Bean
    SupportTables leaderTables() {
        return SupportTables.LEADER;
    }

    private static final int POLLER_PHASE = Integer.MAX_VALUE / 2;

    @Bean
    Leadership leadership(Environment environment, LeaderSettings settings) {
        // the lock key: one leader per service, whichever Trust schema it runs in
        String role = environment.getProperty("spring.application.name", "esr-service");
        return new Leadership(role, UUID.randomUUID().toString(), settings.candidate(), Clock.systemUTC());
    }

    // no close() at shutdown: the initiator has handed the lease back by then, and close() would wait for a
    // connection (30 s) when the database is already gone
    @Bean(destroyMethod = "")
    DefaultLockRepository leaderLockRepository(DataSource dataSource, PlatformTransactionManager transactions,
                                               Leadership leadership) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource, leadership.getId());
        // on PostgreSQL a failed insert aborts the transaction and its commit then fails; losing the race for the
        // row must simply answer "not acquired"
        repository.setInsertQuery(repository.getInsertQuery() + " ON CONFLICT DO NOTHING");
        repository.setTransactionManager(transactions);
        return repository;
    }

    @Bean
    JdbcLockRegistry leaderLockRegistry(DefaultLockRepository leaderLockRepository, LeaderSettings settings) {
        JdbcLockRegistry registry = new JdbcLockRegistry(leaderLockRepository, settings.ttl());
        // a standby asks once per heartbeat, not every 100 ms
        registry.setIdleBetweenTries(settings.heartbeat());
        return registry;
    }

    @Bean
    LockRegistryLeaderInitiator leaderInitiator(JdbcLockRegistry leaderLockRegistry, Leadership leadership,
                                                LeaderSettings settings) {
        LockRegistryLeaderInitiator initiator =
                new HandingOverLeaderInitiator(leaderLockRegistry, leadership, settings.heartbeat());
        initiator.setHeartBeatMillis(settings.heartbeat().toMillis());
        initiator.setAutoStartup(settings.candidate());
        // started before the scheduled jobs first fire (they are scheduled once every lifecycle bean has started),
        // and stopped after the task scheduler (phase MAX_VALUE), whose stop waits for a running job: the lease is
        // handed over only once the jobs have stopped, rather than while a poll still runs
        initiator.setPhase(POLLER_PHASE - 1);
        return initiator;
    }

    @Bean
    LeadershipHealthIndicator leadershipHealthIndicator(Leadership leadership) {
        return new LeadershipHealthIndicator(leadership);
    }

    @Bean
    ScheduledWork scheduledWork(Leadership leadership, ObjectProvider<MeterRegistry> meters) {
        return new ScheduledWork(leadership, meters.getIfAvailable());
    }

    @Bean
    ScheduledJobs scheduledJobs(ObjectProvider<ScheduledJob> jobs, ScheduledWork scheduledWork) {
        return new ScheduledJobs(jobs.orderedStream().toList(), scheduledWork);
    }

    @Bean
    LeadershipMetrics leadershipMetrics(Leadership leadership) {
        return new LeadershipMetrics(leadership);
    }
}
