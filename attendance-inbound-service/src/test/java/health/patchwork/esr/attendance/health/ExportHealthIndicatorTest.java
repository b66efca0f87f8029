package health.patchwork.esr.attendance.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.support.export.ExportLedger;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** With the database gone, the export part of health reports DOWN instead of failing the whole health endpoint. */
class ExportHealthIndicatorTest {

    @Test
    void anUnreachableDatabaseIsDownNotAnError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DriverManagerDataSource unreachable = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/esr?connectTimeout=2", "esr", "esr");
        // the calendar is only consulted after the first query, which cannot reach the database
        JdbcTemplate jdbc = new JdbcTemplate(unreachable);
        ExportEntries entries = new ExportEntries(JdbcClient.create(jdbc), jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(unreachable)));
        Health health = new ExportHealthIndicator(entries, new ExportLedger(jdbc), null).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).startsWith("CannotGetJdbcConnectionException");
    }
}
