package health.patchwork.esr.attendance.export;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Lines still unsent a day after their period's cut-off make the export ATTENTION; sending them clears it. */
@ServiceTest
class ExportHealthTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;
    /** The {@code export} component of /actuator/health (attendance.health.ExportHealthIndicator). */
    @Autowired
    @Qualifier("export")
    HealthIndicator health;
    @Autowired
    AttendanceExport export;

    @BeforeEach
    void reset() {
        TestData.reset(jdbc, mailbox, clock);
    }

    @Test
    void anExportIsOverdueADayAfterTheCutOffUntilTheFileIsSent() {
        assertThat(new Api(port).post("/api/v1/timesheet-lines",
                batch(line("H1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"))).status()).isEqualTo(200);
        // October's cut-off is 3 November 09:30 (UK time, GMT in November)
        clock.set("2026-11-04T09:29:00Z");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        clock.set("2026-11-04T09:31:00Z");
        Health overdue = health.health();
        assertThat(overdue.getStatus().getCode()).isEqualTo("ATTENTION");
        assertThat((java.util.List<?>) overdue.getDetails().get("periodsOverdue")).hasSize(1);
        assertThat(overdue.getDetails()).containsEntry("lastFileSent", "none yet");

        export.cutOff();

        Health sent = health.health();
        assertThat(sent.getStatus()).isEqualTo(Status.UP);
        assertThat(sent.getDetails().get("lastFileSent")).asString().contains(ExportTest.N_FILE);
    }
}
