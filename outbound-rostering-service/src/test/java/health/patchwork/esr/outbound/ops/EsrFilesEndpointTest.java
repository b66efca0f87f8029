package health.patchwork.esr.outbound.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import health.patchwork.esr.outbound.GoFile;
import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /actuator/esrfiles} and {@code /actuator/esraudit} over HTTP, with real tokens, database and mailbox. */
class EsrFilesEndpointTest extends OutboundTestBase {

    private static final String OPERATOR = TestTokens.withClaims("op-4711", Map.of("preferred_username", "duty.ops"),
            TestTokens.OPERATOR_ROLE);

    @Autowired
    JsonMapper json;

    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        jdbc.execute("truncate operator_audit restart identity");
    }

    private ResponseEntity<String> get(String uri, String token) {
        var request = http.get().uri(uri);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> post(String uri, String token) {
        var request = http.post().uri(uri);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.retrieve().toEntity(String.class);
    }

    private JsonNode body(ResponseEntity<String> response) {
        return json.readTree(response.getBody());
    }

    private long idOf(String fileName) {
        return jdbc.queryForObject("select id from file_ledger where file_name = ? order by id desc limit 1",
                Long.class, fileName);
    }

    private GoFile fullWith(long sequence, String date, int persons) {
        GoFile file = GoFile.full(sequence, date);
        for (int p = 1; p <= persons; p++) {
            file.person(p);
        }
        return file;
    }

    /** A baseline of 30 people, then a full file that would end 25 of them: held for an operator. */
    private long heldMassLeaverFile() {
        GoFile baseline = fullWith(10, "20261101", 30);
        mailbox.deliver(baseline.name(), baseline.content());
        mailbox.poll();
        GoFile massLeaver = fullWith(11, "20261102", 5);
        mailbox.deliver(massLeaver.name(), massLeaver.content());
        mailbox.poll();
        assertThat(ledgerOutcome(massLeaver.name())).isEqualTo("HELD/HELD_THRESHOLD");
        return idOf(massLeaver.name());
    }

    private List<Map<String, Object>> auditRows() {
        return jdbc.queryForList("select subject, display_name, action, target, channel, outcome, detail"
                + " from operator_audit order by id");
    }

    @Test
    void listsPickedUpFilesNewestFirstWithStateCountsAndTimings() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliverSample(GOC_42);
        mailbox.poll();

        JsonNode files = body(get("/actuator/esrfiles?limit=1", OPERATOR));
        JsonNode report = body(get("/actuator/esrfiles/" + idOf(GOF_41), OPERATOR));

        assertThat(files).hasSize(1);
        JsonNode newest = files.get(0);
        assertThat(newest.get("fileName").asString()).isEqualTo(GOC_42);
        assertThat(newest.get("state").asString()).isEqualTo("APPLIED");
        assertThat(newest.get("lineCount").asLong()).isPositive();
        assertThat(newest.get("appliedAt").isNull()).isFalse();
        assertThat(body(get("/actuator/esrfiles", OPERATOR))).hasSize(2);
        assertThat(report.get("file").get("fileName").asString()).isEqualTo(GOF_41);
        assertThat(report.get("recordCounts").size()).isPositive();
        assertThat(report.get("validation").get("outcome").asString()).isEqualTo("VALID");
        assertThat(report.get("events")).isNotEmpty();
    }

    @Test
    void approvingThroughActuatorDoesWhatTheRestApiDoesAndIsAuditedUnderTheTokensSubject() {
        long viaRest = heldMassLeaverFile();
        ResponseEntity<String> rest = post("/api/v1/files/" + viaRest + "/approve", TestTokens.operator());
        long endedViaRest = count("select count(*) from person where record_status = 'ENDED_BY_REFRESH'");
        mailbox.reset();
        long viaActuator = heldMassLeaverFile();

        ResponseEntity<String> actuator = post("/actuator/esrfiles/" + viaActuator + "/approve", OPERATOR);

        assertThat(rest.getStatusCode().value()).isEqualTo(200);
        assertThat(actuator.getStatusCode().value()).isEqualTo(200);
        assertThat(body(actuator).get("state").asString()).isEqualTo(body(rest).get("state").asString())
                .isEqualTo("APPLIED");
        assertThat(count("select count(*) from person where record_status = 'ENDED_BY_REFRESH'"))
                .isEqualTo(endedViaRest).isEqualTo(25);
        assertThat(auditRows()).extracting(r -> r.get("channel") + " " + r.get("subject") + " " + r.get("display_name")
                        + " " + r.get("action") + " " + r.get("outcome"))
                .containsExactly("REST esr-operator null APPROVE DONE", "ACTUATOR op-4711 duty.ops APPROVE DONE");
        assertThat(auditRows().get(1).get("target")).isEqualTo("file " + viaActuator + " "
                + "GO_123_RST_GOF_20261102_00000011.DAT");
    }

    @Test
    void aRequestInTheWrongStateIsAConflictProblemAndAuditedAsRefused() {
        long held = heldMassLeaverFile();
        post("/actuator/esrfiles/" + held + "/reject", OPERATOR);
        assertThat(ledgerOutcome("GO_123_RST_GOF_20261102_00000011.DAT")).isEqualTo("QUARANTINED/REJECTED_BY_OPERATOR");

        ResponseEntity<String> again = post("/actuator/esrfiles/" + held + "/approve", OPERATOR);

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(body(again).get("detail").asString()).isEqualTo("file " + held + " is not held by the threshold");
        assertThat(auditRows()).extracting(r -> r.get("action") + " " + r.get("outcome"))
                .containsExactly("REJECT DONE", "APPROVE REFUSED");
        assertThat(auditRows().get(1).get("detail")).isEqualTo("file " + held + " is not held by the threshold");
    }

    @Test
    void unknownFilesAndOperationsAreNotFoundAndABadLimitIsABadRequest() {
        ResponseEntity<String> unknownFile = post("/actuator/esrfiles/999999/reprocess", OPERATOR);

        assertThat(unknownFile.getStatusCode().value()).isEqualTo(404);
        assertThat(body(unknownFile).get("detail").asString()).isEqualTo("File 999999 was not found");
        assertThat(get("/actuator/esrfiles/999999", OPERATOR).getStatusCode().value()).isEqualTo(404);
        assertThat(post("/actuator/esrfiles/1/explode", OPERATOR).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/actuator/esrfiles?limit=0", OPERATOR).getStatusCode().value()).isEqualTo(400);
        assertThat(get("/actuator/esrfiles/abc", OPERATOR).getStatusCode().value()).isEqualTo(400);
        assertThat(auditRows()).extracting(r -> r.get("action") + " " + r.get("target") + " " + r.get("outcome"))
                .containsExactly("REPROCESS file 999999 REFUSED");
    }

    @Test
    void aFullRefreshIsRequestedOnceADayAndTheSecondRequestIsAuditedAsRefused() {
        JsonNode first = body(post("/actuator/esrfiles/full-refresh", OPERATOR));
        JsonNode second = body(post("/actuator/esrfiles/full-refresh", OPERATOR));

        assertThat(first.get("sent").asBoolean()).isTrue();
        assertThat(second.get("sent").asBoolean()).isFalse();
        assertThat(mailbox.uploaded()).containsExactly(first.get("fileName").asString());
        assertThat(auditRows()).extracting(r -> r.get("action") + " " + r.get("outcome"))
                .containsExactly("REQUEST_FULL_REFRESH DONE", "REQUEST_FULL_REFRESH REFUSED");
    }

    @Test
    void theAuditTrailIsReadableNewestFirst() {
        post("/actuator/esrfiles/999998/approve", OPERATOR);
        post("/actuator/esrfiles/999999/reject", OPERATOR);

        JsonNode entries = body(get("/actuator/esraudit?limit=1", OPERATOR));

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.get("action").asString()).isEqualTo("REJECT");
            assertThat(entry.get("subject").asString()).isEqualTo("op-4711");
            assertThat(entry.get("channel").asString()).isEqualTo("ACTUATOR");
        });
    }

    @Test
    void onlyOperatorsMayReadOrAct() {
        for (String uri : List.of("/actuator/esrfiles", "/actuator/esrfiles/1", "/actuator/esraudit")) {
            assertThat(get(uri, null).getStatusCode().value()).as(uri).isEqualTo(401);
            assertThat(get(uri, TestTokens.platform()).getStatusCode().value()).as(uri).isEqualTo(403);
        }
        assertThat(get("/actuator/esrfiles", TestTokens.operator()).getStatusCode().value()).isEqualTo(200);
        for (String uri : List.of("/actuator/esrfiles/1/approve", "/actuator/esrfiles/full-refresh")) {
            assertThat(post(uri, null).getStatusCode().value()).as(uri).isEqualTo(401);
            assertThat(post(uri, TestTokens.platform()).getStatusCode().value()).as(uri).isEqualTo(403);
        }
        assertThat(mailbox.uploaded()).isEmpty();
        assertThat(auditRows()).isEmpty();
    }
}
