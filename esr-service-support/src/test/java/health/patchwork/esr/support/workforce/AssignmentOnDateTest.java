package health.patchwork.esr.support.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.support.workforce.AssignmentOnDate.Finding;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The re-check before a file goes: an assignment the feed ended before the date, a date outside every slice, an
 * assignment gone from the feed; read from the published contract (the inbound services' stub of it) in one query.
 */
class AssignmentOnDateTest {

    private static final List<String> INACTIVE = List.of("TERM_ASSIGN", "Terminate Assignment");
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    private static AssignmentSlice slice(String start, String end, String status) {
        return new AssignmentSlice(LocalDate.parse(start), end == null ? null : LocalDate.parse(end), status,
                "123 Monthly");
    }

    @Test
    void aDateInAnActiveSliceIsPayable() {
        assertThat(AssignmentOnDate.of(List.of(slice("2026-01-01", null, "ACTIVE_ASSIGN")), OCT_1, INACTIVE)
                .payable()).isTrue();
    }

    @Test
    void anAssignmentTerminatedBeforeTheDateHasEnded() {
        var ended = AssignmentOnDate.of(List.of(slice("2026-01-01", "2026-09-20", "ACTIVE_ASSIGN"),
                slice("2026-09-21", null, "TERM_ASSIGN")), OCT_1, INACTIVE);

        assertThat(ended.finding()).isEqualTo(Finding.ENDED);
        assertThat(ended.lastPayDay()).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(ended.reason("date worked", OCT_1))
                .isEqualTo("assignment ended on 2026-09-20, before the date worked 2026-10-01");
    }

    @Test
    void anAssignmentWhoseLastSliceClosedBeforeTheDateHasEnded() {
        assertThat(AssignmentOnDate.of(List.of(slice("2026-01-01", "2026-09-20", "ACTIVE_ASSIGN")), OCT_1, INACTIVE)
                .finding()).isEqualTo(Finding.ENDED);
    }

    @Test
    void aDateBeforeTheFirstSliceOrInAGapIsOutsideEverySlice() {
        assertThat(AssignmentOnDate.of(List.of(slice("2026-11-01", null, "ACTIVE_ASSIGN")), OCT_1, INACTIVE)
                .finding()).isEqualTo(Finding.OUTSIDE_SLICES);
        assertThat(AssignmentOnDate.of(List.of(slice("2026-01-01", "2026-09-20", "ACTIVE_ASSIGN"),
                slice("2026-10-05", null, "ACTIVE_ASSIGN")), OCT_1, INACTIVE).finding())
                .isEqualTo(Finding.OUTSIDE_SLICES);
    }

    @Test
    void anAssignmentGoneFromTheFeedIsSaidSo() {
        assertThat(AssignmentOnDate.of(List.of(), OCT_1, INACTIVE).finding()).isEqualTo(Finding.NOT_IN_FEED);
    }

    @Test
    void thePublishedSlicesOfABatchComeInOneQueryWithTheirPayroll() throws Exception {
        SharedPostgres.Endpoint endpoint = SharedPostgres.endpoint();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(endpoint.jdbcUrl());
        dataSource.setUser(endpoint.username());
        dataSource.setPassword(endpoint.password());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String stub = new ClassPathResource("health/patchwork/esr/testsupport/workforce/published-contract-stub.sql")
                .getContentAsString(StandardCharsets.UTF_8).replace("workforce", "slices_test");
        jdbc.sql("drop schema if exists slices_test cascade").update();
        try {
            for (String statement : stub.split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement).update();
                }
            }
            jdbc.sql("""
                    insert into slices_test.published_assignment (assignment_id, assignment_number, person_id,
                        effective_start, effective_end, assignment_status, payroll_name) values
                    ('1', '20000001', 'P1', date '2026-01-01', date '2026-09-20', 'ACTIVE_ASSIGN', '123 Monthly'),
                    ('1', '20000001', 'P1', date '2026-09-21', null, 'TERM_ASSIGN', '123 Monthly'),
                    ('2', '20000001-2', 'P1', date '2026-01-01', null, 'ACTIVE_ASSIGN', '123 Weekly Bank')""")
                    .update();

            Map<String, List<AssignmentSlice>> slices = new PublishedSlices(jdbc, "slices_test")
                    .of(List.of("20000001", "20000001-2", "99999999"));

            assertThat(slices.get("20000001")).hasSize(2);
            assertThat(AssignmentOnDate.of(slices.get("20000001"), OCT_1, INACTIVE).finding())
                    .isEqualTo(Finding.ENDED);
            assertThat(PublishedSlices.payrollOn(slices.get("20000001-2"), OCT_1)).isEqualTo("123 Weekly Bank");
            assertThat(slices).doesNotContainKey("99999999");
            assertThat(PublishedSlices.payrollOn(List.of(new AssignmentSlice(OCT_1, null, "ACTIVE_ASSIGN", null)),
                    OCT_1)).as("a slice the feed gives no payroll").isNull();
            assertThat(PublishedSlices.payrollOn(null, OCT_1)).as("an assignment not in the feed").isNull();
        } finally {
            jdbc.sql("drop schema if exists slices_test cascade").update();
        }
    }
}
