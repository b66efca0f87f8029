package health.patchwork.esr.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/** The small-size run of the kill -9 scenario: two crashes at random moments of an import of 300 staff. */
class OutboundCrashScenarioTest {

    @Test
    void aKilledImportRestartsToTheSameDataAppliedOnce() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        ScenarioResult result = new OutboundCrashScenario(repository,
                Path.of("target", "crash").toAbsolutePath(), 300, 11L).run(2);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.trials()).isEqualTo(2);
    }

    @Test
    void twoInstancesTakeEachFileOnce() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        ScenarioResult result = new OutboundCrashScenario(repository,
                Path.of("target", "two-instances").toAbsolutePath(), 300, 12L).runTwoInstances(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
    }
}
