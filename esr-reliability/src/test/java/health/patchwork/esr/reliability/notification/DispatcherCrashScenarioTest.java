package health.patchwork.esr.reliability.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/**
 * The dispatcher-crash scenario at the suite's size: kills of the outbound service while the receiver holds one of
 * its webhook requests, each followed by a restart on the same database and mailbox. Five trials keep the suite
 * within CI's time (each trial is a service start); docs/reliability.md reports the full size,
 * {@link DispatcherCrashScenario#TRIALS}, run with {@code -Desr.reliability.scenarios=dispatcher-crash}.
 */
class DispatcherCrashScenarioTest {

    private static final int SUITE_TRIALS = 5;

    @Test
    void everyEventIsDeliveredAtLeastOnceAcrossKillsMidDelivery() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        ScenarioResult result = new DispatcherCrashScenario(repository,
                Path.of("target", "dispatcher-crash").toAbsolutePath(), 31L)
                .run(SUITE_TRIALS, GoFilePublisher.factory(DispatcherCrashScenario.STAFF,
                        DispatcherCrashScenario.FILES_PER_TRIAL));
        System.out.println(result);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.trials()).isEqualTo(SUITE_TRIALS);
        assertThat(result.lost()).isZero();
    }
}
