package health.patchwork.esr.attendance.ops;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /actuator/esrfiles} of the T&A service over HTTP: real tokens, PostgreSQL and SFTP mailbox. */
@ServiceTest
class EsrFilesEndpointTest {

    static final String N_FILE = "TA_123_PWH_MN2708_00000001.DAT";
    static final String PERIOD_2708 = "{\"taxYear\":27,\"period\":8}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;

    Api operator;

    @BeforeEach
    void reset() {
        TestData.reset(jdbc, mailbox, clock);
        jdbc.execute("truncate attendance.operator_audit restart identity");
        operator = new Api(port, TestTokens.withClaims("op-4711", Map.of("preferred_username", "duty.ops"),
                TestTokens.OPERATOR_ROLE));
    }

    void postOctoberLines() {
        Api.Response posted = new Api(port).post("/api/v1/timesheet-lines", batch(
                line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"),
                line("L3", "20000003", "2026-10-27", "OT_PLAIN", "4"),
                line("L4", "20000003", "2026-10-13", "OT_PLAIN", "4.00")));
        assertThat(posted.status()).isEqualTo(200);
    }

    private byte[] sent(String name) throws IOException {
        return Files.readAllBytes(mailbox.resolve("/in/" + name));
    }

    private List<String> audit() {
        return jdbc.queryForList("select channel || ' ' || subject || ' ' || coalesce(display_name, '-') || ' '"
                + " || action || ' ' || target || ' ' || outcome || ' ' || coalesce(detail, '')"
                + " from attendance.operator_audit order by id", String.class);
    }

    @Test
    void exportingThroughActuatorSendsTheSameFileAsTheRestApiAndBothAreAudited() throws IOException {
        postOctoberLines();
        Api.Response viaRest = new Api(port, TestTokens.operator()).post("/api/v1/exports", PERIOD_2708);
        byte[] restFile = sent(N_FILE);
        TestData.reset(jdbc, mailbox, clock);
        postOctoberLines();

        Api.Response viaActuator = operator.post("/actuator/esrfiles/export", PERIOD_2708);
        Api.Response nothingLeft = operator.post("/actuator/esrfiles/export", PERIOD_2708);

        assertThat(viaRest.status()).isEqualTo(201);
        assertThat(viaActuator.status()).isEqualTo(200);
        assertThat(viaActuator.text("/fileName")).isEqualTo(viaRest.text("/fileName")).isEqualTo(N_FILE);
        assertThat(sent(N_FILE)).isEqualTo(restFile);
        assertThat(nothingLeft.status()).isEqualTo(204);
        assertThat(audit()).containsExactly(
                "REST esr-operator - EXPORT_PERIOD period 2708 DONE sent " + N_FILE + " (3 rows)",
                "ACTUATOR op-4711 duty.ops EXPORT_PERIOD period 2708 DONE sent " + N_FILE + " (3 rows)",
                "ACTUATOR op-4711 duty.ops EXPORT_PERIOD period 2708 DONE nothing to send");
    }

    @Test
    void listsExportedFilesWithPeriodRowsStateAndUploadTime() {
        postOctoberLines();
        operator.post("/actuator/esrfiles/export", PERIOD_2708);

        Api.Response files = operator.get("/actuator/esrfiles?limit=10");
        long id = files.body().get(0).get("id").asLong();
        Api.Response report = operator.get("/actuator/esrfiles/" + id);

        assertThat(files.status()).isEqualTo(200);
        assertThat(files.body()).hasSize(1);
        assertThat(files.text("/0/fileName")).isEqualTo(N_FILE);
        assertThat(files.text("/0/period")).isEqualTo("2708");
        assertThat(files.text("/0/run")).isEqualTo("N");
        assertThat(files.text("/0/state")).isEqualTo("UPLOADED");
        assertThat(files.body().get(0).get("rows").asInt()).isEqualTo(3);
        assertThat(files.body().get(0).get("uploadedAt").isNull()).isFalse();
        assertThat(report.body().at("/rowsByKind/CLAIM").asInt()).isEqualTo(3);
        assertThat(report.body().get("timesheetLines").asInt()).isEqualTo(3);
        assertThat(operator.get("/actuator/esrfiles/999999").status()).isEqualTo(404);
    }

    @Test
    void aCutOffBeforeAnyPeriodIsDueSendsNothingAndBadRequestsAreRefusedWithA4xx() {
        postOctoberLines();

        Api.Response cutOff = operator.post("/actuator/esrfiles/cut-off", "{}");
        Api.Response noPeriod = operator.post("/actuator/esrfiles/export", "{\"taxYear\":27}");
        Api.Response unknown = operator.post("/actuator/esrfiles/explode", "{}");

        assertThat(cutOff.status()).isEqualTo(200);
        assertThat(cutOff.body()).isEmpty();
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(audit()).containsExactly(
                "ACTUATOR op-4711 duty.ops CUT_OFF periods past their cut-off DONE nothing to send");
        assertThat(mailbox.resolve("/in").toFile().list()).isEmpty();
    }

    @Test
    void onlyOperatorsMayReadOrExport() {
        Api anonymous = new Api(port, null);
        Api platform = new Api(port, TestTokens.platform());

        assertThat(anonymous.get("/actuator/esrfiles").status()).isEqualTo(401);
        assertThat(platform.get("/actuator/esrfiles").status()).isEqualTo(403);
        assertThat(anonymous.post("/actuator/esrfiles/export", PERIOD_2708).status()).isEqualTo(401);
        assertThat(platform.post("/actuator/esrfiles/export", PERIOD_2708).status()).isEqualTo(403);
        assertThat(platform.get("/actuator/esraudit").status()).isEqualTo(403);
        assertThat(operator.get("/actuator/esrfiles").status()).isEqualTo(200);
        assertThat(operator.get("/actuator/esraudit").status()).isEqualTo(200);
        assertThat(audit()).isEmpty();
    }
}
