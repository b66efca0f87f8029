package health.patchwork.esr.reliability.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/**
 * The small-size run of the export crash scenario: one kill -9 at a random moment of each inbound export. Kill
 * moments are drawn over an assumed 1.5 s export rather than a timed clean run, to spare a third service start.
 */
class ExportCrashScenarioTest {

    private static final Duration EXPORT = Duration.ofMillis(1500);

    private final Path repository = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aKilledAttendanceExportEndsWithEveryLineInExactlyOneFile() throws Exception {
        ScenarioResult result = new ExportCrashScenario(repository,
                Path.of("target", "export-crash").toAbsolutePath(), 200, 21L).assumingExportTakes(EXPORT).runAttendance(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.trials()).isEqualTo(1);
    }

    @Test
    void aKilledAbsenceExportEndsWithEveryAbsenceInExactlyOneFile() throws Exception {
        ScenarioResult result = new ExportCrashScenario(repository,
                Path.of("target", "export-crash").toAbsolutePath(), 200, 22L).assumingExportTakes(EXPORT).runAbsence(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.trials()).isEqualTo(1);
    }
}
