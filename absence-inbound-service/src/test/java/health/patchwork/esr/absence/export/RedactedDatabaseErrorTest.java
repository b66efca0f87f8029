package health.patchwork.esr.absence.export;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.absence.support.AbsenceServiceTest;
import health.patchwork.esr.support.leader.ScheduledJob;
import health.patchwork.esr.support.leader.ScheduledWork;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A database error deep in the finalise path, provoked on purpose: a CHECK on {@code export_row} that refuses every
 * row, so PostgreSQL's message says {@code Failing row contains (…)} with the row's sickness reason in it. Neither
 * the log, nor the problem detail, nor the audit row may carry that text: only the exception classes and SQLSTATE.
 * Logging {@code e.getMessage()} in {@code AbsenceExport} or the advice makes this fail.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedactedDatabaseErrorTest extends AbsenceServiceTest {

    private static final String REASON = "Cold, Cough, Flu";

    @Autowired
    ScheduledJob absenceFallbackExport;
    @Autowired
    ScheduledWork scheduled;

    @BeforeEach
    void refuseEveryExportRow() {
        jdbc.execute("alter table absence.export_row add constraint refuses_rows_for_this_test"
                + " check (absence_reason is null and operation = 'none')");
    }

    @AfterEach
    void allowExportRowsAgain() {
        jdbc.execute("alter table absence.export_row drop constraint if exists refuses_rows_for_this_test");
    }

    @Test
    void aFinaliseThatFailsInTheDatabaseLogsNoRowContent(CapturedOutput output) {
        post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_132));

        Response finalise = post("/api/v1/periods/M2708/finalise");

        assertThat(finalise.status()).isEqualTo(500);
        assertThat(finalise.body()).contains("reference").doesNotContain(REASON).doesNotContain("Failing row")
                .doesNotContain("export_row");
        assertThat(output.getAll()).contains("Unhandled error, reference")
                .contains("DataIntegrityViolationException");
        assertThat(jdbc.queryForObject("select detail from absence.operator_audit where action = 'FINALISE_PERIOD'"
                + " order by id desc limit 1", String.class))
                .contains("SQLSTATE 23514").doesNotContain(REASON).doesNotContain("Failing row");
        assertNoRowContent(output);
    }

    @Test
    void theScheduledFallbackThatFailsInTheDatabaseLogsOnlyClassesAndSqlState(CapturedOutput output) {
        post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_127));

        scheduled.run(absenceFallbackExport);

        assertThat(output.getAll()).contains("Scheduled absence export for M2707 failed")
                .contains("DataIntegrityViolationException").contains("SQLSTATE 23514");
        assertNoRowContent(output);
        assertThat(jdbc.queryForObject("select count(*) from absence.export_row", Long.class)).isZero();
    }

    private static void assertNoRowContent(CapturedOutput output) {
        assertThat(serviceLog(output)).doesNotContain("Failing row contains").doesNotContain(REASON)
                .doesNotContain("refuses_rows_for_this_test").doesNotContain("A000132").doesNotContain("A000127");
    }

    /**
     * What the service logged: the test's embedded PostgreSQL forwards its own server log into this JVM's console
     * (zonky's EmbeddedPostgres logger), and a server logs a failing row as it sees fit; in production that is the
     * database's log, not the service's.
     */
    private static String serviceLog(CapturedOutput output) {
        return output.getAll().lines().filter(line -> !line.contains("embedded.EmbeddedPostgres"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
