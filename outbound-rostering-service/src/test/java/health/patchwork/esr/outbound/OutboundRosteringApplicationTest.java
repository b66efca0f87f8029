package health.patchwork.esr.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.time.Duration;

import health.patchwork.esr.testsupport.security.TestTokens;


import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class OutboundRosteringApplicationTest extends OutboundTestBase {

    @Test
    void migratesItsOwnSchemaWithItsOwnHistoryTable() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from workforce.flyway_schema_history where success", Integer.class);
        assertThat(applied).isPositive();
        assertThat(jdbc.queryForObject("select to_regclass('workforce.file_ledger') is not null", Boolean.class))
                .isTrue();
    }

    @Test
    void infoNamesTheTrustItsInterfacesAndTheBuild() {
        String info = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/info")
                .header("Authorization", "Bearer " + TestTokens.operator())
                .retrieve().body(String.class);
        assertThat(info).contains("\"vpd\":\"123\"").contains("generic-absence-inbound").contains("\"build\"")
                .contains("\"git\"");
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
    void operatorsSeeWhetherThisInstanceLeads() {
        RestClient client = RestClient.create("http://127.0.0.1:" + port);
        String health = client.get().uri("/actuator/health")
                .header("Authorization", "Bearer " + TestTokens.operator()).retrieve().body(String.class);
        // this test context stands aside from the election (OutboundServiceTest)
        assertThat(health).containsPattern("\"leadership\":\\{[^}]*\"leader\":false[^}]*\"candidate\":false");
        String metrics = client.get().uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + TestTokens.operator()).retrieve().body(String.class);
        assertThat(metrics).containsPattern("esr_leader\\{[^}]*role=\"outbound-rostering-service\"[^}]*} 0\\.0");
    }

    @Test
    void theApiNeedsATokenAndOperationsNeedTheOperatorRole() {
        RestClient client = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        assertThat(client.get().uri("/api/v1/workers").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        assertThat(client.method(org.springframework.http.HttpMethod.POST).uri("/api/v1/files/1/approve")
                .header("Authorization", "Bearer " + TestTokens.platform())
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void operatorsCanScrapePrometheusMetrics() {
        String metrics = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + TestTokens.operator()).retrieve().body(String.class);
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }
}
