package health.patchwork.esr.reliability.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/**
 * The dispatcher-crash scenario at the size docs/reliability.md reports: twenty kills of the outbound service while
 * the receiver holds one of its webhook requests, each followed by a restart on the same database and mailbox.
 */
class DispatcherCrashScenarioTest {

    @Test
    void everyEventIsDeliveredAtLeastOnceAcrossKillsMidDelivery() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        ScenarioResult result = new DispatcherCrashScenario(repository,
                Path.of("target", "dispatcher-crash").toAbsolutePath(), 31L)
                .run(DispatcherCrashScenario.TRIALS, GoFilePublisher.factory(DispatcherCrashScenario.STAFF,
                        DispatcherCrashScenario.FILES_PER_TRIAL));
        System.out.println(result);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.trials()).isEqualTo(DispatcherCrashScenario.TRIALS);
        assertThat(result.lost()).isZero();
    }
}
