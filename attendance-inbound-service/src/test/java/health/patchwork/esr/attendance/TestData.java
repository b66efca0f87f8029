package health.patchwork.esr.attendance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Resets the service's tables and the mailbox, and stands in the outbound service's published assignments. */
public final class TestData {

    private TestData() {
    }

    public static void reset(JdbcTemplate jdbc, EmbeddedSftpServer mailbox, MutableClock clock) {
        reset(jdbc, mailbox, clock, null);
    }

    public static void reset(JdbcTemplate jdbc, EmbeddedSftpServer mailbox, MutableClock clock, CrashSwitch crash) {
        if (crash != null) {
            crash.disarm();
        }
        new ResourceDatabasePopulator(new ClassPathResource(
                "health/patchwork/esr/testsupport/workforce/published-contract-stub.sql"))
                .execute(jdbc.getDataSource());
        jdbc.execute("truncate attendance.export_entry, attendance.timesheet_line, attendance.export_file,"
                + " attendance.notification_delivery, attendance.notification_event restart identity cascade");
        jdbc.execute("truncate workforce.published_assignment");
        jdbc.update("""
                insert into workforce.published_assignment (assignment_id, assignment_number, person_id, employee_number,
                    effective_start, effective_end, assignment_status, ta_flag, cost_centre) values
                ('200001', '20000001',   '100001', '20000001', date '2024-08-07', null, 'ACTIVE_ASSIGN', 'Y', '123A7100'),
                ('200002', '20000001-2', '100001', '20000001', date '2025-01-01', null, 'ACTIVE_ASSIGN', 'Y', '123A7100'),
                ('200003', '20000003',   '100003', '20000003', date '2024-08-07', date '2026-10-31', 'ACTIVE_ASSIGN', 'Y', '123A7300'),
                ('200003', '20000003',   '100003', '20000003', date '2026-11-01', null, 'ACTIVE_ASSIGN', 'Y', '123A7300'),
                ('200004', '20000004',   '100004', '20000004', date '2024-01-01', null, 'ACTIVE_ASSIGN', 'N', '123A7400'),
                ('200009', '20000009',   '100009', '20000009', date '2024-01-01', date '2026-09-30', 'ACTIVE_ASSIGN', 'Y', '123A7900'),
                ('200009', '20000009',   '100009', '20000009', date '2026-10-01', null, 'TERM_ASSIGN', 'N', '123A7900')""");
        clock.set(AttendanceTestConfiguration.BEFORE_OCTOBER_CUT_OFF);
        clean(mailbox.resolve("/in"));
    }

    private static void clean(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
