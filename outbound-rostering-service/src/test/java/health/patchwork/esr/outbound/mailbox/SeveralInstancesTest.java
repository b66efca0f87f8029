package health.patchwork.esr.outbound.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import health.patchwork.esr.outbound.OutboundRosteringApplication;
import health.patchwork.esr.outbound.TestMailbox;
import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.support.leader.Leadership;
import health.patchwork.esr.support.leader.LeadershipHealthIndicator;
import health.patchwork.esr.testsupport.StartupArguments;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the service, as behind a load balancer: two application contexts against the same database and
 * the same ESR mailbox, each with its own local work folder. Only the elected one polls; each delivered file is
 * taken exactly once; when the leader stops, the other takes over and picks up the next file.
 */
class SeveralInstancesTest {

    private static final String GOF_41 = "GO_123_RST_GOF_20261101_00000041.DAT";
    private static final String GOC_42 = "GO_123_RST_GOC_20261102_00000042.DAT";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private EmbeddedSftpServer mailbox;

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    void eachFileIsTakenOnceByTheLeaderAndTheOtherInstanceTakesOverWhenItStops() throws IOException {
        emptyDatabaseLeftByOtherTests();
        mailbox = EmbeddedSftpServer.start();
        ConfigurableApplicationContext first = start("first");
        ConfigurableApplicationContext second = start("second");
        await().atMost(PATIENCE).until(() -> leads(first) ^ leads(second));
        ConfigurableApplicationContext leader = leads(first) ? first : second;
        ConfigurableApplicationContext standby = leader == first ? second : first;
        JdbcTemplate jdbc = jdbc(leader);

        deliver(GOF_41);
        await().atMost(PATIENCE).until(() -> applied(jdbc, GOF_41));

        assertThat(ledgerRows(jdbc, GOF_41)).as("ledger rows of the full file").isEqualTo(1);
        assertThat(downloadedInto(jdbc, GOF_41)).startsWith(workDir(leader).toString());
        assertThat(filesUnder(workDir(standby))).as("the standby's work folder").isEmpty();
        assertThat(health(leader)).containsEntry("leader", true);
        assertThat(health(standby)).containsEntry("leader", false);
        assertThat(gauge(leader)).isEqualTo(1.0);
        assertThat(gauge(standby)).isZero();

        leader.close();
        await().atMost(PATIENCE).until(() -> leads(standby));
        deliver(GOC_42);
        await().atMost(PATIENCE).until(() -> applied(jdbc(standby), GOC_42));

        assertThat(ledgerRows(jdbc(standby), GOC_42)).as("ledger rows of the change file").isEqualTo(1);
        assertThat(ledgerRows(jdbc(standby), GOF_41)).as("the full file still once").isEqualTo(1);
        assertThat(downloadedInto(jdbc(standby), GOC_42)).startsWith(workDir(standby).toString());
    }

    /** Before the instances start: a newly elected leader would carry on with files other tests left unfinished. */
    private static void emptyDatabaseLeftByOtherTests() {
        SharedPostgres.Endpoint endpoint = SharedPostgres.endpoint();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(endpoint.jdbcUrl());
        dataSource.setUser(endpoint.username());
        dataSource.setPassword(endpoint.password());
        dataSource.setCurrentSchema("workforce");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        if (jdbc.queryForObject("select to_regclass('workforce.file_ledger') is not null", Boolean.class)) {
            TestMailbox.emptyDatabase(jdbc);
        }
    }

    private ConfigurableApplicationContext start(String name) throws IOException {
        Path workDir = Files.createTempDirectory(Path.of("target"), "outbound-" + name + "-").toAbsolutePath();
        ConfigurableApplicationContext context = SpringApplication.run(OutboundRosteringApplication.class,
                StartupArguments.validFor(mailbox)
                        .with("esr.outbound.work-dir", workDir.toString())
                        .with("esr.outbound.poll-interval", "200ms")
                        .with("esr.outbound.min-file-age", "0s")
                        .with("esr.leader.ttl", "3s")
                        .toArray());
        instances.add(context);
        return context;
    }

    private void deliver(String name) throws IOException {
        Files.write(mailbox.resolve("/out/" + name), TestMailbox.sample(name));
    }

    private static boolean leads(ConfigurableApplicationContext instance) {
        return instance.getBean(Leadership.class).isLeader();
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext instance) {
        return instance.getBean(JdbcTemplate.class);
    }

    private static Path workDir(ConfigurableApplicationContext instance) {
        return instance.getBean(OutboundSettings.class).workDir();
    }

    private static java.util.Map<String, Object> health(ConfigurableApplicationContext instance) {
        return instance.getBean(LeadershipHealthIndicator.class).health().getDetails();
    }

    private static double gauge(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).get("esr.leader").gauge().value();
    }

    private static boolean applied(JdbcTemplate jdbc, String file) {
        return jdbc.queryForObject("select count(*) from file_ledger where file_name = ? and state = 'APPLIED'",
                Long.class, file) > 0;
    }

    private static long ledgerRows(JdbcTemplate jdbc, String file) {
        return jdbc.queryForObject("select count(*) from file_ledger where file_name = ?", Long.class, file);
    }

    private static String downloadedInto(JdbcTemplate jdbc, String file) {
        return jdbc.queryForObject("select coalesce(archive_path, local_path) from file_ledger where file_name = ?", String.class, file);
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
