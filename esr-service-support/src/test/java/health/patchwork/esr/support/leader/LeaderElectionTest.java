package health.patchwork.esr.support.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import health.patchwork.esr.support.settings.InvalidSettingFailureAnalyzer;
import health.patchwork.esr.support.schema.SupportSchemas;
import health.patchwork.esr.support.schema.SupportTables;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.integration.leader.event.OnFailedToAcquireMutexEvent;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The election against a real PostgreSQL: instances of one service, each its own Spring context on its own
 * connections, share one {@code INT_LOCK} table in a schema of their own.
 */
class LeaderElectionTest {

    private static final String SCHEMA = "leader_election_test";
    private static final String ROLE = "leader-test";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    /** Refusals each instance has seen: evidence that it asked for the lease, without timing it. */
    private final Map<ConfigurableApplicationContext, AtomicInteger> refusals = new HashMap<>();
    private JdbcTemplate jdbc;

    @BeforeEach
    void lockTable() {
        jdbc = new JdbcTemplate(dataSource());
        SupportSchemas.recreate(dataSource(), SCHEMA, SupportTables.LEADER);
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void oneOfTwoInstancesLeadsAndTheOtherTakesOverWhenItStops() {
        ConfigurableApplicationContext first = start("--esr.leader.ttl=3s");
        ConfigurableApplicationContext second = start("--esr.leader.ttl=3s");

        await().atMost(PATIENCE).until(() -> leaders(first, second) == 1);
        ConfigurableApplicationContext leader = leadership(first).isLeader() ? first : second;
        ConfigurableApplicationContext standby = leader == first ? second : first;
        // the standby asks for the lease and is refused while the leader holds it
        await().atMost(PATIENCE).until(() -> failedTries(standby) >= 2);
        assertThat(leaders(first, second)).isEqualTo(1);

        String leaderId = leadership(leader).getId();
        leader.close();
        assertThat(count("select count(*) from %s.int_lock where client_id = ?".formatted(SCHEMA), leaderId))
                .as("the stopped leader handed its lease back").isZero();

        await().atMost(PATIENCE).until(() -> leadership(standby).isLeader());
    }

    @Test
    void aLeaseLeftByADeadInstanceIsTakenOnlyOnceItExpires() {
        // a leader whose process died: its row stays, unrenewed, until its expiry passes
        String dead = UUID.randomUUID().toString();
        String lockKey = UUIDConverter.getUUID(ROLE).toString();
        jdbc.update("insert into %s.int_lock values (?, 'DEFAULT', ?, now(), now() + interval '1 hour')"
                .formatted(SCHEMA), lockKey, dead);

        ConfigurableApplicationContext survivor = start("--esr.leader.ttl=3s");
        await().atMost(PATIENCE).until(() -> failedTries(survivor) >= 2);
        assertThat(leadership(survivor).isLeader()).as("leads while the dead instance's lease runs").isFalse();

        jdbc.update("update %s.int_lock set expired_after = now() - interval '1 second'".formatted(SCHEMA));

        await().atMost(PATIENCE).until(() -> leadership(survivor).isLeader());
        assertThat(jdbc.queryForObject("select client_id from %s.int_lock".formatted(SCHEMA), String.class))
                .isEqualTo(leadership(survivor).getId());
    }

    @Test
    void anInstanceThatIsNoCandidateNeverTakesPart() {
        ConfigurableApplicationContext instance = start("--esr.leader.candidate=false");

        assertThat(instance.getBean(LockRegistryLeaderInitiator.class).isRunning()).isFalse();
        assertThat(leadership(instance).runIfLeader(() -> { })).isFalse();
        Health health = instance.getBean(LeadershipHealthIndicator.class).health();
        assertThat(health.getDetails()).containsEntry("leader", false).containsEntry("candidate", false);
    }

    @Test
    void theLeaderShowsInHealthAndTheGaugeAndRunsTheWork() {
        ConfigurableApplicationContext instance = start();
        await().atMost(PATIENCE).until(() -> leadership(instance).isLeader());

        Health health = instance.getBean(LeadershipHealthIndicator.class).health();
        assertThat(health.getDetails()).containsEntry("leader", true).containsEntry("role", ROLE)
                .containsKey("since");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        instance.getBean(LeadershipMetrics.class).bindTo(registry);
        assertThat(registry.get("esr.leader").tag("role", ROLE).gauge().value()).isEqualTo(1.0);
        AtomicInteger runs = new AtomicInteger();
        assertThat(leadership(instance).runIfLeader(runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aLeaseShorterThanOneSecondIsRefusedAtStartUp() {
        Throwable refused = catchThrowable(() -> start("--esr.leader.ttl=200ms"));

        assertThat(new InvalidSettingFailureAnalyzer().analyze(refused).getDescription())
                .startsWith("Invalid setting esr.leader.ttl (environment variable ESR_LEADER_TTL)");
    }

    private ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--spring.application.name=" + ROLE, "--esr.trust.vpd=123"));
        all.addAll(List.of(arguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Instance.class)
                .web(WebApplicationType.NONE)
                .run(all.toArray(String[]::new));
        instances.add(context);
        AtomicInteger refused = new AtomicInteger();
        refusals.put(context, refused);
        context.addApplicationListener((ApplicationListener<OnFailedToAcquireMutexEvent>) event ->
                refused.incrementAndGet());
        context.getBean(LockRegistryLeaderInitiator.class).setPublishFailedEvents(true);
        return context;
    }

    private static Leadership leadership(ConfigurableApplicationContext context) {
        return context.getBean(Leadership.class);
    }

    private int failedTries(ConfigurableApplicationContext context) {
        return refusals.get(context).get();
    }

    private static long leaders(ConfigurableApplicationContext... contexts) {
        return Arrays.stream(contexts).filter(c -> leadership(c).isLeader()).count();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static DataSource dataSource() {
        SharedPostgres.Endpoint endpoint = SharedPostgres.endpoint();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(endpoint.jdbcUrl());
        dataSource.setUser(endpoint.username());
        dataSource.setPassword(endpoint.password());
        return dataSource;
    }

    /** One instance of a service: its own connections to the shared database, and the election. */
    @Configuration(proxyBeanMethods = false)
    @Import(LeaderElectionConfiguration.class)
    static class Instance {

        @Bean
        DataSource dataSource() {
            PGSimpleDataSource dataSource = (PGSimpleDataSource) LeaderElectionTest.dataSource();
            dataSource.setCurrentSchema(SCHEMA);
            return dataSource;
        }

        @Bean
        DataSourceTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }
}
