package health.patchwork.esr.outbound.api;

import static org.assertj.core.api.Assertions.assertThat;
import health.patchwork.esr.testsupport.security.TestTokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import health.patchwork.esr.outbound.GoFile;
import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.TestMailbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform API over HTTP, against the sample files. */
class ApiTest extends OutboundTestBase {

    @Autowired
    JsonMapper json;

    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.platformAndOperator())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    private JsonNode get(String uri) {
        return json.readTree(http.get().uri(uri).retrieve().body(String.class));
    }

    private ResponseEntity<String> exchange(String uri) {
        return http.get().uri(uri).retrieve().toEntity(String.class);
    }

    private JsonNode post(String uri) {
        return json.readTree(http.post().uri(uri).retrieve().body(String.class));
    }

    private void loadSamples() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliverSample(GOC_42);
        mailbox.poll();
    }

    @Test
    void workersArePagedAndCarryTheirCurrentSlice() {
        loadSamples();

        JsonNode first = get("/api/v1/workers?size=3");
        JsonNode second = get("/api/v1/workers?size=3&page=1");

        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        assertThat(second.get("items").get(0).get("employeeNumber").asString()).isEqualTo("20000004");
        assertThat(get("/api/v1/workers?updatedSince=2999-01-01T00:00:00Z").get("items")).isEmpty();
    }

    @Test
    void pageAndSizeOutOfBoundsAreA400NamingTheParameterNeverANegativeOffset() {
        loadSamples();

        // page * size overflowed int here, and PostgreSQL refused the negative OFFSET with a 500
        assertInvalid("/api/v1/workers?page=2147483647&size=1000", "page");
        assertInvalid("/api/v1/files?page=2147483647&size=500", "page");
        assertInvalid("/api/v1/workers?page=-1", "page");
        assertInvalid("/api/v1/workers?size=0", "size");
        assertInvalid("/api/v1/workers?size=1001", "size");
        assertInvalid("/api/v1/files?size=501", "size");
        assertInvalid("/api/v1/workers?page=99999999999", "page");
        assertInvalid("/api/v1/files?size=lots", "size");

        // the last page allowed at the largest size is past every row, not an error
        JsonNode last = get("/api/v1/workers?page=1000000&size=1000");
        assertThat(last.get("items")).isEmpty();
        assertThat(last.get("hasMore").asBoolean()).isFalse();
        assertThat(get("/api/v1/files?page=1000000&size=500").get("items")).isEmpty();
    }

    private void assertInvalid(String uri, String parameter) {
        ResponseEntity<String> response = exchange(uri);

        assertThat(response.getStatusCode().value()).as(uri).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("errors")).as(uri).singleElement()
                .satisfies(error -> assertThat(error.get("field").asString()).isEqualTo(parameter));
    }

    @Test
    void oneWorkerWithAssignmentsAndRegistrations() {
        loadSamples();

        JsonNode worker = get("/api/v1/workers/20000001");

        assertThat(worker.get("worker").get("personId").asString()).isEqualTo("100001");
        assertThat(worker.get("assignments")).extracting(a -> a.get("assignmentNumber").asString())
                .containsExactly("20000001", "20000001-2");
        assertThat(worker.get("registrations")).singleElement()
                .satisfies(r -> assertThat(r.get("registrationNumber").asString()).isEqualTo("12A3456E"));
    }

    @Test
    void anAssignmentAsOfADate() {
        loadSamples();

        assertThat(get("/api/v1/assignments/20000002?asOf=2026-10-15").get("fte").decimalValue())
                .isEqualByComparingTo("1");
        assertThat(get("/api/v1/assignments/20000002?asOf=2026-11-15").get("fte").decimalValue())
                .isEqualByComparingTo("0.8");
    }

    @Test
    void anUnknownWorkerIsAProblemDetail() {
        ResponseEntity<String> response = exchange("/api/v1/workers/99999999");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(response.getBody()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void theChangeFeedReturnsEveryChangeExactlyOnceAcrossPages() {
        loadSamples();
        long total = count("select count(*) from entity_change");
        List<Long> seen = new ArrayList<>();
        String cursor = "0";
        boolean more = true;
        while (more) {
            JsonNode page = get("/api/v1/changes?limit=4&after=" + cursor);
            page.get("changes").forEach(c -> seen.add(c.get("seq").asLong()));
            cursor = page.get("nextCursor").asString();
            more = page.get("hasMore").asBoolean();
        }
        // a change applied after the reader caught up appears on the next read, once
        GoFile next = GoFile.change(43, "20261102", "20261103").add(GoFile.person(100005, "Newstarter"));
        mailbox.deliver(next.name(), next.content());
        mailbox.poll();
        JsonNode tail = get("/api/v1/changes?limit=4&after=" + cursor);

        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates().isSorted();
        assertThat(tail.get("changes")).singleElement().satisfies(c -> {
            assertThat(c.get("entityType").asString()).isEqualTo("PERSON");
            assertThat(c.get("entityId").asString()).isEqualTo("100005");
        });
        Set<String> kinds = new HashSet<>(jdbc.queryForList("select distinct change from entity_change", String.class));
        assertThat(kinds).contains("UPSERTED", "DELETED_BY_ESR");
    }

    @Test
    void theLedgerAndOneFilesReport() {
        loadSamples();
        mailbox.deliver("GO_123_RST_GOC_20261103_00000043.DAT",
                TestMailbox.sampleText(GOC_42).replace(GOC_42, "GO_123_RST_GOC_20261103_00000043.DAT")
                        .replace("TRL~9", "TRL~8"));
        mailbox.poll();

        JsonNode files = get("/api/v1/files");
        assertThat(files.get("items")).hasSize(3);
        long rejected = files.get("items").get(0).get("id").asLong();
        JsonNode report = get("/api/v1/files/" + rejected);

        assertThat(report.get("file").get("outcome").asString()).isEqualTo("REJECTED_RECORD_COUNT");
        assertThat(report.get("recordCounts").get("ASA").asInt()).isEqualTo(3);
        assertThat(report.get("validation").get("issues").get(0).get("line").asInt()).isEqualTo(9);
        assertThat(report.get("events")).isNotEmpty();
    }

    @Test
    void aQuarantinedFileIsReprocessedOnRequestAndAHeldFileApproved() {
        // a change file before any baseline is held; quarantine it by rejecting, then reprocess after the baseline
        mailbox.deliverSample(GOC_42);
        mailbox.poll();
        long id = jdbc.queryForObject("select id from file_ledger where file_name = ?", Long.class, GOC_42);
        assertThat(post("/api/v1/files/" + id + "/approve").get("status").asInt()).isEqualTo(409);
        post("/api/v1/files/" + id + "/reject");
        assertThat(ledgerOutcome(GOC_42)).isEqualTo("QUARANTINED/REJECTED_BY_OPERATOR");
        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        JsonNode after = post("/api/v1/files/" + id + "/reprocess");

        assertThat(after.get("state").asString()).isEqualTo("APPLIED");
        assertThat(count("select count(*) from person where entity_id = '100004'")).isEqualTo(1);
    }

    @Test
    void aFullRefreshCanBeRequestedOnceADay() {
        JsonNode first = post("/api/v1/refresh-requests");
        JsonNode second = post("/api/v1/refresh-requests");

        assertThat(first.get("sent").asBoolean()).isTrue();
        assertThat(second.get("sent").asBoolean()).isFalse();
        assertThat(mailbox.uploaded()).containsExactly(first.get("fileName").asString());
    }

    @Test
    void aDryRunShowsTheDiffAndCommitsNothing() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        long changes = count("select count(*) from entity_change");
        long files = count("select count(*) from file_ledger");

        JsonNode result = dryRun(GOC_42, TestMailbox.sample(GOC_42));

        assertThat(result.get("validationOutcome").asString()).isEqualTo("VALID");
        assertThat(result.get("sequenceDecision").asString()).isEqualTo("APPLY");
        assertThat(result.get("changeCounts").get("COSTING DELETED_BY_ESR").asInt()).isEqualTo(1);
        assertThat(result.get("changes")).anySatisfy(c -> assertThat(c.get("entityId").asString()).isEqualTo("100004"));
        assertThat(count("select count(*) from entity_change")).isEqualTo(changes);
        assertThat(count("select count(*) from file_ledger")).isEqualTo(files);
        assertThat(count("select count(*) from person where entity_id = '100004'")).isZero();

        JsonNode invalid = dryRun(GOC_42, TestMailbox.sampleText(GOC_42).replace("TRL~9", "TRL~8").getBytes());
        assertThat(invalid.get("validationOutcome").asString()).isEqualTo("REJECTED_RECORD_COUNT");
    }

    @Test
    void aDryRunOfAMassLeaverFileShowsItWouldBeHeld() {
        GoFile baseline = GoFile.full(10, "20261101");
        for (int p = 1; p <= 30; p++) {
            baseline.person(p);
        }
        mailbox.deliver(baseline.name(), baseline.content());
        mailbox.poll();
        GoFile massLeaver = GoFile.full(11, "20261102").person(1).person(2);

        JsonNode result = dryRun(massLeaver.name(), massLeaver.content().getBytes());

        assertThat(result.get("wouldBeHeldByThreshold").asBoolean()).isTrue();
        assertThat(result.get("changeCounts").get("PERSON ENDED_BY_REFRESH").asInt()).isEqualTo(28);
        assertThat(count("select count(*) from person where record_status = 'CURRENT'")).isEqualTo(30);
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        JsonNode doc = get("/v3/api-docs");

        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/workers", "/api/v1/changes",
                "/api/v1/files/{id}/approve", "/api/v1/dry-runs");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").propertyNames()).containsExactly("bearer");
        String ui = RestClient.create("http://127.0.0.1:" + port).get().uri("/swagger-ui/index.html").retrieve()
                .body(String.class);
        assertThat(ui).as("Swagger UI, public like the docs").contains("swagger-ui");
    }

    private JsonNode dryRun(String name, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return json.readTree(http.post().uri("/api/v1/dry-runs").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(String.class));
    }
}
