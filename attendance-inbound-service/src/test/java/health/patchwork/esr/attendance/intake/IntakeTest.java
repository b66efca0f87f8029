package health.patchwork.esr.attendance.intake;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.MutableClock;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

@ServiceTest
class IntakeTest {

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
    }

    @Test
    void aValidBatchIsStoredAsPendingClaims() {
        Api.Response response = api.post("/api/v1/timesheet-lines", batch(
                line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"),
                line("L2", "20000001-2", "2026-10-25", "BANK", "11.50")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(outcomes(response.body())).containsExactly("CREATED", "CREATED");
        assertThat(jdbc.queryForList("select line_id || ':' || tax_year || '/' || tax_period || ':' || kind"
                + " from attendance.export_entry where export_file_id is null order by id", String.class))
                .containsExactly("L1:27/8:CLAIM", "L2:27/8:CLAIM");
    }

    @Test
    void invalidLinesAreRejectedWithTheirFieldAndTheValidOnesAreKept() {
        Api.Response response = api.post("/api/v1/timesheet-lines", batch(
                line("OK1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"),
                line("BAD1", "20000001", "2026-10-24", "NO_SUCH_CODE", "7.5"),
                line("BAD2", "99999999", "2026-10-24", "BANK", "7.5"),
                line("BAD3", "20000009", "2026-10-24", "BANK", "7.5"),
                line("BAD4", "20000001", "2026-10-24", "OT_PLAIN", "12.5"),
                line("BAD5", "20000001", "2026-10-24", "BANK", "7.555"),
                line("BAD6", "20000001", "2026-06-24", "BANK", "7.5"),
                line("BAD7", "20000001", "2026-11-05", "BANK", "7.5"),
                "{\"lineId\":\"BAD8\",\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-24\","
                        + "\"payCode\":\"BANK\",\"quantity\":7.5,\"costCentre\":\"123\u0141\"}",
                "{\"lineId\":\"BAD9\",\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-24\","
                        + "\"payCode\":\"BANK\",\"quantity\":7.5,\"rate\":12.5}",
                "{\"lineId\":\"BAD10\",\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-24\","
                        + "\"payCode\":\"MILEAGE\",\"quantity\":12}",
                line("OK1", "20000001", "2026-10-25", "BANK", "1")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(response.body().get("rejected").asInt()).isEqualTo(11);
        assertThat(errors(response.body())).containsExactly(
                "lines[1].payCode: is not a known pay code",
                "lines[2].assignmentNumber: is not a known assignment",
                "lines[3].assignmentNumber: is not active on dateWorked",
                "lines[4].quantity: must be between 0.01 and 12 for this pay code",
                "lines[5].quantity: must have at most 2 decimals",
                "lines[6].dateWorked: is in a closed payroll period",
                "lines[7].dateWorked: is in the future",
                "lines[8].costCentre: contains a character outside ISO-8859-1",
                "lines[9].rate: is not used by this pay code",
                "lines[10].rate: is required for this pay code",
                "lines[11].lineId: appears more than once in this batch");
        assertThat(jdbc.queryForList("select line_id from attendance.timesheet_line", String.class))
                .containsExactly("OK1");
    }

    @Test
    void rePostingTheSameLineIsANoOpAndNewContentBeforeExportAmendsIt() {
        String original = batch(line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"));
        api.post("/api/v1/timesheet-lines", original);

        Api.Response again = api.post("/api/v1/timesheet-lines", original);
        Api.Response amended = api.post("/api/v1/timesheet-lines",
                batch(line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "6.25")));

        assertThat(outcomes(again.body())).containsExactly("UNCHANGED");
        assertThat(outcomes(amended.body())).containsExactly("AMENDED");
        assertThat(jdbc.queryForList("select quantity::text || ' v' || line_version from attendance.export_entry",
                String.class)).containsExactly("6.25 v2");
        assertThat(jdbc.queryForObject("select version from attendance.timesheet_line", Integer.class)).isEqualTo(2);
    }

    @Test
    void aMalformedBatchIsRefusedAsAWholeWithAProblemDetail() {
        Api.Response unknownField = api.post("/api/v1/timesheet-lines",
                "{\"lines\":[{\"lineId\":\"L1\",\"hours\":3}]}");
        Api.Response empty = api.post("/api/v1/timesheet-lines", "{\"lines\":[]}");

        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.text("/errors/0/field")).isEqualTo("lines[0].hours");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("/errors/0/field")).isEqualTo("lines");
    }

    static List<String> outcomes(JsonNode body) {
        return body.get("lines").valueStream().map(l -> l.get("outcome").asString()).toList();
    }

    static List<String> errors(JsonNode body) {
        return body.get("errors").valueStream()
                .map(e -> e.get("field").asString() + ": " + e.get("reason").asString()).toList();
    }
}
