package health.patchwork.esr.reliability.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/**
 * The small-size runs of the stalled-mailbox scenarios: the mailbox falls silent once mid-download and once
 * mid-upload. Each trial's own deadline logic (read timeout plus size at the minimum throughput) decides a pass; the
 * test asserts nothing about wall-clock time beyond that.
 */
class StalledMailboxScenariosTest {

    private final Path repository = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aDownloadStalledMidFileIsGivenUpInTimeShownOnHealthAndAppliedOnceOnRetry() throws Exception {
        ScenarioResult result = new StalledDownloadScenario(repository, Path.of("target", "stalled-download")
                .toAbsolutePath(), 300, 41L).run(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.scenario()).startsWith("stalled download").contains("health DOWN in 1 of 1");
    }

    @Test
    void anUploadStalledMidFileIsGivenUpInTimeShownOnHealthAndSentOnceOnRetry() throws Exception {
        ScenarioResult result = new StalledUploadScenario(repository, Path.of("target", "stalled-upload")
                .toAbsolutePath(), 1000, 42L).run(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.scenario()).startsWith("stalled upload").contains("health DOWN in 1 of 1");
    }
}
