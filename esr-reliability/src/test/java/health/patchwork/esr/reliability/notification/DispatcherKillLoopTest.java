package health.patchwork.esr.reliability.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/** The kill loop on events the harness writes into the outbox itself. */
class DispatcherKillLoopTest {

    @Test
    void everyEventIsTakenAtLeastOnceAcrossKills() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        ScenarioResult result = new DispatcherCrashScenario(repository,
                Path.of("target", "dispatcher-kill-loop").toAbsolutePath(), 41L)
                .run(Integer.getInteger("esr.reliability.dispatcher-trials", 3),
                        (database, mailbox, environment) -> new OutboxRowsPublisher(database, 6));
        System.out.println(result);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
    }
}
