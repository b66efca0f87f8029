package health.patchwork.esr.attendance.intake;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Corrections and withdrawals before a line is sent, and what is refused. (After export: ExportTest.) */
@ServiceTest
class CorrectionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void reset() {
        TestData.reset(jdbc, mailbox, clock);
        api = new Api(port);
        api.post("/api/v1/timesheet-lines", batch(line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5")));
    }

    @Test
    void aCorrectionBeforeExportAmendsThePendingClaimWithoutAReversal() {
        Api.Response response = api.post("/api/v1/timesheet-lines/L1/corrections",
                "{\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-24\",\"payCode\":\"UNSOC_SAT\",\"quantity\":5}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("/outcome")).isEqualTo("AMENDED");
        assertThat(jdbc.queryForList("select kind || ' ' || quantity from attendance.export_entry", String.class))
                .containsExactly("CLAIM 5.00");
    }

    @Test
    void withdrawingAnUnsentLineDropsItsClaimAndItsIdCannotBeReused() {
        assertThat(api.delete("/api/v1/timesheet-lines/L1").text("/outcome")).isEqualTo("WITHDRAWN");

        assertThat(jdbc.queryForObject("select count(*) from attendance.export_entry", Integer.class)).isZero();
        assertThat(api.get("/api/v1/timesheet-lines/L1").text("/status")).isEqualTo("WITHDRAWN");
        Api.Response again = api.post("/api/v1/timesheet-lines",
                batch(line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5")));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text("/errors/0/reason")).contains("withdrawn");
    }

    @Test
    void anInvalidCorrectionIsRefusedNamingTheFieldAndAnUnknownLineIsNotFound() {
        Api.Response invalid = api.post("/api/v1/timesheet-lines/L1/corrections",
                "{\"assignmentNumber\":\"20000009\",\"dateWorked\":\"2026-10-24\",\"payCode\":\"UNSOC_SAT\",\"quantity\":30}");
        Api.Response unknown = api.post("/api/v1/timesheet-lines/NOPE/corrections",
                "{\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-24\",\"payCode\":\"UNSOC_SAT\",\"quantity\":3}");

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.text("/errors/0/field")).isEqualTo("quantity");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/timesheet-lines/NOPE").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/files/TA_123_PWH_MN2708_00000099.DAT").status()).isEqualTo(404);
    }

    @Test
    void aLineIsPendingUntilExportedAndShowsItsPeriod() {
        Api.Response status = api.get("/api/v1/timesheet-lines/L1");

        assertThat(status.text("/status")).isEqualTo("PENDING");
        assertThat(status.text("/entries/0/period")).isEqualTo("2708");
        assertThat(status.text("/entries/0/kind")).isEqualTo("CLAIM");
    }
}
