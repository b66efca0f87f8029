package health.patchwork.esr.reliability.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/**
 * The small-size runs of the export crash scenario, the collected-before-recovery scenario and the corrections
 * during export scenario, one trial each per inbound service. The crash trial's kill moment is drawn over an assumed
 * 1.5 s export rather than a timed clean run, to spare a service start; the collected-before-recovery trial carries
 * on with the service the crash trial restarted, and the corrections trial with the one that trial restarted, to
 * spare more.
 */
class ExportCrashScenarioTest {

    private static final Duration EXPORT = Duration.ofMillis(1500);

    private final Path repository = Path.of("..").toAbsolutePath().normalize();

    @Test
    void attendanceExportsSurviveAKillACollectionBeforeRecoveryAndChangesDuringTheExport() throws Exception {
        List<ScenarioResult> results = collected().runAttendanceAfter(crash(21L), 1, 1, corrections(23L), 1);

        assertPassed(results);
    }

    @Test
    void absenceExportsSurviveAKillACollectionBeforeRecoveryAndChangesDuringTheExport() throws Exception {
        List<ScenarioResult> results = collected().runAbsenceAfter(crash(22L), 1, 1, corrections(24L), 1);

        assertPassed(results);
    }

    private ExportCrashScenario crash(long seed) {
        return new ExportCrashScenario(repository, Path.of("target", "export-crash").toAbsolutePath(), 200, seed)
                .assumingExportTakes(EXPORT);
    }

    private CollectedBeforeRecoveryScenario collected() {
        return new CollectedBeforeRecoveryScenario(repository,
                Path.of("target", "collected-before-recovery").toAbsolutePath(), 200);
    }

    private CorrectionsDuringExportScenario corrections(long seed) {
        return new CorrectionsDuringExportScenario(repository,
                Path.of("target", "corrections-during-export").toAbsolutePath(), 200, 60, seed);
    }

    private static void assertPassed(List<ScenarioResult> results) {
        assertThat(results).hasSize(3);
        for (ScenarioResult result : results) {
            assertThat(result.note()).as(result.scenario()).isNull();
            assertThat(result.allPassed()).as(result.scenario()).isTrue();
            assertThat(result.trials()).isEqualTo(1);
        }
    }
}
