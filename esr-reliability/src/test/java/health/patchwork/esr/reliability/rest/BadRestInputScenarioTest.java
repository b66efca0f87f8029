package health.patchwork.esr.reliability.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/**
 * The small-size run of the bad-REST-input scenario: a few hundred generated bad requests to the three services,
 * then the limit trials (oversized with a Content-Length and chunked, deeply nested) against each inbound service.
 */
class BadRestInputScenarioTest {

    @Test
    void everyBadRequestGetsAProblemDetailAndNoneA500() throws Exception {
        ScenarioResult result = new BadRestInputScenario(Path.of("..").toAbsolutePath().normalize(),
                Path.of("target", "bad-rest").toAbsolutePath(), 41L).run(300);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.trials()).isEqualTo(300 + 3L * LimitTrials.TARGETS.size());
    }
}
