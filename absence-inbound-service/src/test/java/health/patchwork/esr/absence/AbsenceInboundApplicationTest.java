package health.patchwork.esr.absence;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.testsupport.postgres.PostgresTestConfiguration;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "esr.trust.vpd=123")
@Import({PostgresTestConfiguration.class, SftpTestConfiguration.class})
class AbsenceInboundApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migratesItsOwnSchemaWithItsOwnHistoryTable() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from absence.flyway_schema_history where success", Integer.class);
        assertThat(applied).isPositive();
        assertThat(jdbc.queryForObject("select to_regclass('absence.export_file') is not null", Boolean.class))
                .isTrue();
    }

    @Test
    void healthIsUpWithDatabaseAndMailboxChecked() {
        String health = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/health")
                .retrieve().body(String.class);
        assertThat(health).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"mailbox\"")
                .contains("verified against known_hosts");
    }
}
