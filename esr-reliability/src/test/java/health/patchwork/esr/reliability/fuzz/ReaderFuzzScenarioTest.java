package health.patchwork.esr.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/** The small-size run of the fuzz scenario; the full size (1,000,000 lines) is the harness's own command. */
class ReaderFuzzScenarioTest {

    @Test
    void everyBrokenLineGetsTheLibrarysOwnAnswerNamingWhereItIs() {
        ScenarioResult result = new ReaderFuzzScenario(7L).run(20_000);

        assertThat(result.trials()).isGreaterThanOrEqualTo(20_000);
        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
    }
}
