package health.patchwork.esr.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/** The small-size run of the inbound fuzz scenario; the full size (1,000,000 records) is the harness's command. */
class InboundReaderFuzzScenarioTest {

    @Test
    void everyBrokenTaOrAbRecordGetsTheLibrarysOwnAnswerNamingWhereItIs() {
        ScenarioResult result = new InboundReaderFuzzScenario(7L).run(20_000);

        assertThat(result.trials()).isGreaterThanOrEqualTo(20_000);
        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
    }
}
