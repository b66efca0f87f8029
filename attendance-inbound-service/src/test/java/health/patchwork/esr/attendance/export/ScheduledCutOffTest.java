package health.patchwork.esr.attendance.export;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.AttendanceTestConfiguration;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.testsupport.postgres.PostgresTestConfiguration;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The schedule runs the cut-off by itself: a context of its own whose schedule fires every second, so nothing but
 * the clock (moved past the cut-off) decides when the file appears.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esr.trust.vpd=123", "esr.attendance.export-schedule=* * * * * *",
                "esr.attendance.work-dir=target/attendance-work-scheduled"})
@Import({PostgresTestConfiguration.class, SftpTestConfiguration.class, AttendanceTestConfiguration.class})
// closed after the class: its every-second schedule must not run on behind the other tests, which share the schema
@DirtiesContext
class ScheduledCutOffTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;

    @Test
    void atTheCutOffTheScheduleSendsThePeriodsFile() throws Exception {
        TestData.reset(jdbc, mailbox, clock);
        Api api = new Api(port);
        assertThat(api.post("/api/v1/timesheet-lines",
                batch(line("S1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"))).status()).isEqualTo(200);
        Path file = mailbox.resolve("/in/" + ExportTest.N_FILE);
        Thread.sleep(2_500);
        assertThat(file).as("nothing before the cut-off").doesNotExist();

        clock.set("2026-11-03T09:30:00Z");
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }

        assertThat(file).exists();
        assertThat(api.get("/api/v1/timesheet-lines/S1").text("/status")).isEqualTo("EXPORTED");
    }
}
