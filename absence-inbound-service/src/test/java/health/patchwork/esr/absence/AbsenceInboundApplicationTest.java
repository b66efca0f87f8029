package health.patchwork.esr.absence;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.absence.support.AbsenceServiceTest;

import org.junit.jupiter.api.Test;

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
        String health = get("/actuator/health").body();
        assertThat(health).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"mailbox\"")
                .contains("verified against known_hosts");
    }
}
