package health.patchwork.esr.reliability.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.service.AttendanceWorkload;

/**
 * The outbound service's published contract as the inbound services' own tests provide it (esr-test-support's
 * published-contract-stub.sql), filled with active assignments {@code 20000000 + i}: the export scenarios test the
 * inbound services, so they need the contract's rows, not a whole outbound import.
 */
final class PublishedContractStub {

    private static final String STUB = "/health/patchwork/esr/testsupport/workforce/published-contract-stub.sql";

    private PublishedContractStub() {
    }

    static String assignmentNumber(int i) {
        return String.valueOf(20_000_000 + i);
    }

    static void install(HarnessDatabase database, int assignments) throws SQLException {
        database.dropSchemas("workforce");
        database.execute(stubSql());
        database.execute("""
                insert into workforce.published_assignment (assignment_id, assignment_number, person_id,
                    employee_number, effective_start, effective_end, assignment_status, ta_flag, payroll_name,
                    payroll_period_type)
                select 'A' || i, (20000000 + i)::text, 'P' || i, 'E' || i, date '2020-01-01', null,
                       'Active Assignment', 'Y', '%s', 'Calendar Month'
                from generate_series(0, %d) as i""".formatted(AttendanceWorkload.PAYROLL, assignments - 1));
    }

    private static String stubSql() {
        try (InputStream in = PublishedContractStub.class.getResourceAsStream(STUB)) {
            if (in == null) {
                throw new IllegalStateException("esr-test-support's " + STUB + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
