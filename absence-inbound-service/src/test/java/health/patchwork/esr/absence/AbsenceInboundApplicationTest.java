package health.patchwork.esr.absence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import health.patchwork.esr.absence.support.AbsenceServiceTest;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class AbsenceInboundApplicationTest extends AbsenceServiceTest {

    @Test
    void migratesItsOwnSchemaWithItsOwnHistoryTable() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from absence.flyway_schema_history where success", Integer.class);
        assertThat(applied).isPositive();
        assertThat(jdbc.queryForObject("select to_regclass('absence.export_file') is not null", Boolean.class))
                .isTrue();
    }

    @Test
    void healthIsUpWithDatabaseAndMailboxChecked() {
        // the mailbox component is served from a background probe, which runs once at start-up
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String health = get("/actuator/health").body();
            assertThat(health).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"mailbox\"")
                    .contains("verified against known_hosts");
        });
    }

    @Test
    void theApiNeedsATokenAndThePlatformMayFinaliseAPeriod() {
        RestClient anonymous = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        assertThat(anonymous.get().uri("/api/v1/absences/A1").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        assertThat(anonymous.post().uri("/api/v1/periods/2708/finalise")
                .header("Authorization", "Bearer " + TestTokens.platform())
                .retrieve().toBodilessEntity().getStatusCode().value()).isNotIn(401, 403);
    }
}
