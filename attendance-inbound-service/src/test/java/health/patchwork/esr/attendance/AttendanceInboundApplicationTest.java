package health.patchwork.esr.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

@ServiceTest
class AttendanceInboundApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migratesItsOwnSchemaWithItsOwnHistoryTable() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from attendance.flyway_schema_history where success", Integer.class);
        assertThat(applied).isPositive();
        assertThat(jdbc.queryForObject("select to_regclass('attendance.export_file') is not null", Boolean.class))
                .isTrue();
    }

    @Test
    void healthIsUpWithDatabaseAndMailboxChecked() {
        // the mailbox component is served from a background probe, which runs once at start-up
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String health = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/health")
                    .header("Authorization", "Bearer " + TestTokens.operator())
                    .retrieve().body(String.class);
            assertThat(health).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"mailbox\"")
                    .contains("verified against known_hosts");
        });
    }

    @Test
    void publishesItsOpenApiDescription() {
        String docs = RestClient.create("http://127.0.0.1:" + port).get().uri("/v3/api-docs")
                .retrieve().body(String.class);
        assertThat(docs).contains("\"openapi\":\"3.1").contains("/api/v1/timesheet-lines")
                .contains("/api/v1/timesheet-lines/{lineId}/corrections").contains("/api/v1/exports")
                .contains("/api/v1/periods/{taxYear}/{period}/summary").contains("/api/v1/files/{fileName}");
        var api = tools.jackson.databind.json.JsonMapper.builder().build().readTree(docs);
        for (String operation : new String[] {"~1corrections/post", "/delete"}) {
            assertThat(api.at("/paths/~1api~1v1~1timesheet-lines~1{lineId}" + operation + "/responses")
                    .propertyNames()).as(operation).contains("200", "404", "409");
        }
        assertThat(api.at("/components/schemas/LineResult/properties").propertyNames()).contains("exportedIn");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/components/securitySchemes/bearer/bearerFormat").asString()).isEqualTo("JWT");
        assertThat(api.at("/security/0").propertyNames()).as("every operation takes the token").containsExactly("bearer");
        String ui = RestClient.create("http://127.0.0.1:" + port).get().uri("/swagger-ui/index.html")
                .retrieve().body(String.class);
        assertThat(ui).contains("swagger-ui");
    }

    @Test
    void metersCarryTheServiceAndTheTrustAndDurationsAreHistograms() {
        String scrape = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + TestTokens.operator()).retrieve().body(String.class);

        assertThat(scrape.lines().filter(line -> line.startsWith("jvm_threads_live_threads")).findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains("application=\"attendance-inbound-service\"")
                        .contains("trust=\"123\""));
        assertThat(scrape).as("the export duration has buckets").contains("esr_export_duration_seconds_bucket{");
    }

    @Test
    void operatorsReadTheServicesSbom() {
        RestClient client = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        String sbom = client.get().uri("/actuator/sbom/application")
                .header("Authorization", "Bearer " + TestTokens.operator()).retrieve().body(String.class);
        var bom = tools.jackson.databind.json.JsonMapper.builder().build().readTree(sbom);
        assertThat(bom.at("/bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(bom.at("/components").findValuesAsString("name")).contains("spring-boot", "postgresql");
        assertThat(client.get().uri("/actuator/sbom/application")
                .header("Authorization", "Bearer " + TestTokens.platform()).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("operators only, like the rest of actuator").isEqualTo(403);
    }

    @Test
    void theApiNeedsATokenAndOperationsNeedTheOperatorRole() {
        RestClient client = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        assertThat(client.get().uri("/api/v1/timesheet-lines/any-line").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        assertThat(client.method(org.springframework.http.HttpMethod.POST).uri("/api/v1/exports/cut-off")
                .header("Authorization", "Bearer " + TestTokens.platform())
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
    }
}
