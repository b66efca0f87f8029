package health.patchwork.esr.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/**
 * The small-size run of the kill -9 scenario: one crash at a random moment of an import of 300 staff (each crash costs
 * two service starts; the full-size run, docs/reliability.md, makes twenty).
 */
class OutboundCrashScenarioTest {

    @Test
    void aKilledImportRestartsToTheSameDataAppliedOnce() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        ScenarioResult result = new OutboundCrashScenario(repository,
                Path.of("target", "crash").toAbsolutePath(), 300, 11L).run(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.trials()).isEqualTo(1);
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
