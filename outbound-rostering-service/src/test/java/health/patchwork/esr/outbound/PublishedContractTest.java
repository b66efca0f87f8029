package health.patchwork.esr.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The views this service publishes for the inbound services have exactly the columns (names, order, types) of the
 * stub those services test against (esr-test-support published-contract-stub.sql), so the two cannot drift.
 */
class PublishedContractTest extends OutboundTestBase {

    private static final String STUB = "/health/patchwork/esr/testsupport/workforce/published-contract-stub.sql";

    @Test
    void publishedViewsMatchTheContractStub() throws IOException {
        String stub;
        try (InputStream in = getClass().getResourceAsStream(STUB)) {
            stub = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        jdbc.execute("drop schema if exists contract_stub cascade");
        jdbc.execute("create schema contract_stub");
        try {
            jdbc.execute(stub.replace("create schema if not exists workforce;", "")
                    .replace("workforce.", "contract_stub."));
            for (String object : List.of("published_assignment", "published_absence")) {
                assertThat(columns("workforce", object)).as(object).isNotEmpty()
                        .isEqualTo(columns("contract_stub", object));
                assertThat(jdbc.queryForObject("select table_type from information_schema.tables"
                        + " where table_schema = 'workforce' and table_name = ?", String.class, object))
                        .isEqualTo("VIEW");
            }
        } finally {
            jdbc.execute("drop schema contract_stub cascade");
        }
    }

    @Test
    void publishedAssignmentsCarryTheCostCentreEmployeeNumberAndPayroll() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        // 200002 has a current costing to 123A7200; 200001 falls back to its organisation's default cost centre
        assertThat(jdbc.queryForList("select assignment_number || ' ' || employee_number || ' ' || cost_centre"
                + " || ' ' || ta_flag from workforce.published_assignment where assignment_id in ('200001', '200002')"
                + " order by 1", String.class))
                .containsExactly("20000001 20000001 123A7100 Y", "20000001-2 20000001 123A7200 Y");
        // ASA fields 11 and 12, as the sample sends them
        assertThat(jdbc.queryForList("select distinct payroll_name || '/' || payroll_period_type"
                + " from workforce.published_assignment where assignment_id in ('200001', '200002')", String.class))
                .containsExactly("123 Monthly/Calendar");
        assertThat(jdbc.queryForList("select third_party_reference || ' ' || duration_days || ' ' || deleted_by_esr"
                + " from workforce.published_absence", String.class)).containsExactly("PWH-A000118 3 false");
    }

    private List<String> columns(String schema, String table) {
        return jdbc.queryForList("select column_name || ' ' || data_type from information_schema.columns"
                + " where table_schema = ? and table_name = ? order by ordinal_position", String.class, schema, table);
    }
}
