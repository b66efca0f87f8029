package health.patchwork.esr.absence.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.absence.support.AbsenceServiceTest;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** {@code /actuator/esrfiles} of the absence service over HTTP: real tokens, PostgreSQL and SFTP mailbox. */
class EsrFilesEndpointTest extends AbsenceServiceTest {

    static final String SICK_132 = """
            {"absences": [{"absenceId": "A000132", "assignmentNumber": "20000003", "category": "SICKNESS",
             "reason": "S12", "startDate": "2026-11-02", "openEnded": true, "notificationDate": "2026-11-02"}]}""";
    static final String OPERATOR = TestTokens.withClaims("op-4711", Map.of("preferred_username", "duty.ops"),
            TestTokens.OPERATOR_ROLE);

    @BeforeEach
    void emptyAudit() {
        jdbc.execute("truncate absence.operator_audit restart identity");
    }

    private Response call(HttpMethod method, String path, String json, String token) {
        var request = RestClient.create("http://127.0.0.1:" + port).method(method).uri(path);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, res) -> {
            try {
                return new Response(res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<String> audit() {
        return jdbc.queryForList("select channel || ' ' || subject || ' ' || coalesce(display_name, '-') || ' '"
                + " || action || ' ' || target || ' ' || outcome || ' ' || coalesce(detail, '')"
                + " from absence.operator_audit order by id", String.class);
    }

    private void forgetExports() throws IOException {
        jdbc.execute("truncate absence.export_row, absence.absence, absence.finalised_period, absence.export_file"
                + " restart identity cascade");
        for (String file : inboundFiles()) {
            Files.delete(mailbox.resolve("/in/" + file));
        }
    }

    @Test
    void finalisingThroughActuatorSendsTheSameFileAsTheRestApiAndBothAreAudited() throws IOException {
        post("/api/v1/absences", SICK_132);
        Response viaRest = call(HttpMethod.POST, "/api/v1/periods/M2708/finalise", null,
                TestTokens.operator());
        String fileName = viaRest.json("$.file");
        byte[] restFile = Files.readAllBytes(mailbox.resolve("/in/" + fileName));
        forgetExports();
        post("/api/v1/absences", SICK_132);

        Response viaActuator = call(HttpMethod.POST, "/actuator/esrfiles/finalise", "{\"period\":\"M2708\"}", OPERATOR);

        assertThat(viaRest.status()).isEqualTo(200);
        assertThat(viaActuator.status()).isEqualTo(200);
        assertThat(viaActuator.<String>json("$.file")).isEqualTo(fileName);
        assertThat(Files.readAllBytes(mailbox.resolve("/in/" + fileName))).isEqualTo(restFile);
        assertThat(jdbc.queryForObject("select finalised_by from absence.finalised_period", String.class))
                .as("the actuator caller's token subject").isEqualTo("op-4711");
        assertThat(audit()).containsExactly(
                "REST esr-operator - FINALISE_PERIOD period M2708 DONE finalised by esr-operator; sent " + fileName
                        + " (1 rows)",
                "ACTUATOR op-4711 duty.ops FINALISE_PERIOD period M2708 DONE finalised by op-4711; sent " + fileName
                        + " (1 rows)");
    }

    @Test
    void aPeriodThatHasNotStartedIsAConflictProblemAndAuditedAsRefused() throws IOException {
        Response future = call(HttpMethod.POST, "/actuator/esrfiles/finalise", "{\"period\":\"M2709\"}", OPERATOR);
        Response malformed = call(HttpMethod.POST, "/actuator/esrfiles/finalise", "{\"period\":\"X\"}", OPERATOR);

        assertThat(future.status()).isEqualTo(409);
        assertThat(future.<String>json("$.title")).isEqualTo("Period not started");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(inboundFiles()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from absence.finalised_period", Long.class)).isZero();
        assertThat(audit()).containsExactly("ACTUATOR op-4711 duty.ops FINALISE_PERIOD period M2709 REFUSED"
                + " The period has not started yet, so its rosters cannot be final.");
    }

    @Test
    void listsSentFilesAndAReconciliationRunIsAudited() {
        post("/api/v1/absences", SICK_132);
        post("/api/v1/periods/M2708/finalise");

        Response files = call(HttpMethod.GET, "/actuator/esrfiles?limit=5", null, OPERATOR);
        long id = ((Number) files.json("$[0].id")).longValue();
        Response report = call(HttpMethod.GET, "/actuator/esrfiles/" + id, null, OPERATOR);
        Response reconcile = call(HttpMethod.POST, "/actuator/esrfiles/reconcile", "{}", OPERATOR);

        assertThat(files.<List<Object>>json("$")).hasSize(1);
        assertThat(files.<String>json("$[0].period")).isEqualTo("2708");
        assertThat(files.<String>json("$[0].state")).isEqualTo("UPLOADED");
        assertThat(files.<Integer>json("$[0].rows")).isEqualTo(1);
        assertThat(files.<String>json("$[0].uploadedAt")).isNotNull();
        assertThat(report.<Integer>json("$.rowsByOperation.ADD")).isEqualTo(1);
        assertThat(report.<Integer>json("$.absences")).isEqualTo(1);
        assertThat(reconcile.status()).isEqualTo(200);
        assertThat(audit()).containsExactly("REST esr-test - FINALISE_PERIOD period M2708 DONE finalised by esr-test;"
                + " sent " + files.json("$[0].fileName") + " (1 rows)", "ACTUATOR op-4711 duty.ops RECONCILE echoed absences DONE"
                + " 0 newly confirmed, " + reconcile.<Integer>json("$.needsAttention") + " need attention");
        assertThat(call(HttpMethod.GET, "/actuator/esrfiles/999999", null, OPERATOR).status()).isEqualTo(404);
    }

    @Test
    void onlyOperatorsMayReadOrAct() throws IOException {
        assertThat(call(HttpMethod.GET, "/actuator/esrfiles", null, null).status()).isEqualTo(401);
        assertThat(call(HttpMethod.GET, "/actuator/esrfiles", null, TestTokens.platform()).status()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/actuator/esrfiles/finalise", "{\"period\":\"M2708\"}", null).status())
                .isEqualTo(401);
        assertThat(call(HttpMethod.POST, "/actuator/esrfiles/finalise", "{\"period\":\"M2708\"}",
                TestTokens.platform()).status()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/actuator/esraudit", null, TestTokens.platform()).status()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/actuator/esrfiles", null, TestTokens.operator()).status()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/actuator/esraudit", null, TestTokens.operator()).status()).isEqualTo(200);
        assertThat(inboundFiles()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    /** Who finalised is the token's subject; a caller that says who it is (as it could on main) is refused. */
    @Test
    void aCallerCannotNameWhoFinalises() throws IOException {
        post("/api/v1/absences", SICK_132);

        Response named = call(HttpMethod.POST, "/api/v1/periods/M2708/finalise?by=operator", null,
                TestTokens.platform());
        Response empty = call(HttpMethod.POST, "/api/v1/periods/M2708/finalise?by=", null, TestTokens.platform());

        assertThat(named.status()).isEqualTo(400);
        assertThat(named.<String>json("$.errors[0].field")).isEqualTo("by");
        assertThat(named.<String>json("$.detail")).startsWith("by: is not accepted");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(inboundFiles()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from absence.finalised_period", Long.class)).isZero();

        Response finalised = call(HttpMethod.POST, "/api/v1/periods/M2708/finalise", null, TestTokens.platform());
        assertThat(finalised.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select finalised_by from absence.finalised_period", String.class))
                .isEqualTo("patchwork-platform");
        assertThat(audit()).containsExactly("REST patchwork-platform - FINALISE_PERIOD period M2708 DONE finalised"
                + " by patchwork-platform; sent " + finalised.json("$.file") + " (1 rows)");
    }
}
