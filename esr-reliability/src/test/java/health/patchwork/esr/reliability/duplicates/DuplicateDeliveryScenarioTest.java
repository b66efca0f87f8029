package health.patchwork.esr.reliability.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/** The small-size run of the duplicate-delivery scenario: one trial of ten deliveries of a 300-staff full file. */
class DuplicateDeliveryScenarioTest {

    @Test
    void tenDeliveriesOfOneFileAreAppliedOnceAndRecordedAsDuplicates() throws Exception {
        ScenarioResult result = new DuplicateDeliveryScenario(Path.of("..").toAbsolutePath().normalize(),
                Path.of("target", "duplicates").toAbsolutePath(), 300, 31L).run(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.trials()).isEqualTo(1);
    }
}
