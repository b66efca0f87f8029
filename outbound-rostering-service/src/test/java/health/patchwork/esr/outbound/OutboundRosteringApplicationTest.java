package health.patchwork.esr.outbound;

import static org.assertj.core.api.Assertions.assertThat;


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
                .retrieve().body(String.class);
        assertThat(info).contains("\"vpd\":\"123\"").contains("generic-absence-inbound").contains("\"build\"")
                .contains("\"git\"");
    }

    @Test
    void healthIsUpWithDatabaseAndMailboxChecked() {
        String health = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/health")
                .retrieve().body(String.class);
        assertThat(health).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"mailbox\"")
                .contains("verified against known_hosts");
    }
}
